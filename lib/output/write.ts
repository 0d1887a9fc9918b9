import { existsSync, mkdirSync, readFileSync } from 'fs';
import { dirname, join, relative, sep } from 'path';
import { ManifestFile } from './layout';
import { OutputFolder, resolveOutputFolder } from './output-folder';
import { acquireOutputLock, isAlive, LOCK_FILE, lockHeldMessage, readLockHolder } from './output-lock';
import { findPathProblems, RenderedFile } from './output-paths';
import { OutputRefusedError } from './output-refused';
import { findForeignContent, ForeignContent, isBookkeeping, OWNERSHIP_FILE, ownedFilesOf, OwnedFiles, readOwnedFiles, renderOwnedFiles } from './ownership';
import { carryOutWrite, JOURNAL_FILE, recoverInterruptedWrite, WritePlan, WriteStep } from './swap-journal';
import { renderYaml } from './yaml';

export type { RenderedFile } from './output-paths';
export { OutputRefusedError } from './output-refused';
export { OWNERSHIP_FILE } from './ownership';
export { hasInterruptedWrite } from './swap-journal';
export type { WriteStep } from './swap-journal';
export { findDrift } from './drift';
export type { Drift } from './drift';
export { ownedFilesOf } from './ownership';

/** Renders manifest files to YAML text. */
export function renderFiles(files: ManifestFile[]): RenderedFile[] {
  return files.map(file => ({ path: file.path, content: renderYaml(file.documents) }));
}

/** Options of {@link writeFilesAtomically}. */
export interface WriteOptions {
  /**
   * Paths the output folder must not hold, such as the specs being synthesised.
   * @default - none
   */
  readonly protect?: readonly string[];
  /**
   * Overwrite (or remove) files the writer wrote that were edited since, instead of
   * refusing. Files it did not write are never touched, whatever this says.
   * @default false
   */
  readonly force?: boolean;
  /** Called at each step of the write; tests stop it there as a crash would. @internal */
  readonly onStep?: (step: WriteStep) => void;
}

/** What a write did. */
export interface WriteResult {
  /** Files written because they are new or their content changed. */
  readonly written: number;
  /** Files left as they were, since their content is the same. */
  readonly unchanged: number;
  /** Files of an earlier write removed because this one does not have them. */
  readonly removed: number;
  /**
   * What became of a write that a crash interrupted, found in the folder first.
   * @default - there was none
   */
  readonly recovered?: 'finished' | 'undone';
}

/**
 * Makes `outdir` hold exactly these files, and removes only files it wrote itself.
 *
 * It refuses, before changing anything (an {@link OutputRefusedError} listing every
 * reason): an empty path, a path that is not a folder, the current folder or one of its
 * ancestors, a folder holding one of `options.protect`, a folder holding anything not
 * listed in its ownership file ({@link OWNERSHIP_FILE}) or a listed file edited since
 * (unless `options.force`), and file paths that collide or leave the folder.
 *
 * The folder itself is never replaced, so its mode, owner, group and any mount or link stay.
 * The write takes a lock file; it stages the new files in a private folder inside the output
 * folder, replaces each file with one atomic rename, and commits by renaming the new
 * ownership file into place. A journal makes a crash recoverable: the next write into the
 * folder first undoes an uncommitted write, or finishes a committed one. So the folder holds
 * the old files, the new ones, or a state the next write puts back to one of them.
 */
export function writeFilesAtomically(outdir: string, files: readonly RenderedFile[], options: WriteOptions = {}): WriteResult {
  const { folder, reasons } = resolveOutputFolder(outdir, options.protect);
  const refusals = [...reasons, ...findPathProblems(files).map(problem => `file ${problem}`)];
  if (refusals.length === 0 && folder.exists) refusals.push(...quickOwnershipCheck(folder));
  if (refusals.length > 0) throw new OutputRefusedError(outdir, refusals);

  mkdirSync(folder.path, { recursive: true });
  const release = acquireOutputLock(folder.path, outdir);
  try {
    // checked again now that the folder exists: someone may have made it in between
    const recheck = resolveOutputFolder(outdir, options.protect);
    if (recheck.folder.path !== folder.path) recheck.reasons.push(`${outdir} changed while the write was prepared (it now leads to ${recheck.folder.path}); try again`);
    if (recheck.reasons.length > 0) throw new OutputRefusedError(outdir, recheck.reasons);
    const recovered = recoverInterruptedWrite(folder.path);
    const before = readOwnedFiles(folder.path) ?? new Map<string, string>();
    const found = findForeignContent(folder.path, before, name => name === OWNERSHIP_FILE || name === LOCK_FILE);
    const ownershipRefusals = ownershipReasons(folder, found, options.force ?? false);
    if (ownershipRefusals.length > 0) throw new OutputRefusedError(outdir, ownershipRefusals);
    const plan = planWrite(files, before, found.onDisk);
    const ownershipText = existsSync(join(folder.path, OWNERSHIP_FILE)) ? readFileSync(join(folder.path, OWNERSHIP_FILE), 'utf8') : undefined;
    if (plan.changed.size > 0 || plan.removed.length > 0 || ownershipText !== renderOwnedFiles(plan.after)) {
      carryOutWrite(folder.path, plan, options.onStep);
    }
    return {
      written: plan.changed.size, unchanged: files.length - plan.changed.size, removed: plan.removed.length, ...(recovered ? { recovered } : {}),
    };
  } finally {
    release();
  }
}

/**
 * Before the lock is taken, so that a refused folder gets no lock file: a live lock, or a
 * folder with content but neither an ownership file nor a journal, which cannot be ours.
 */
function quickOwnershipCheck(folder: OutputFolder): string[] {
  const holder = readLockHolder(join(folder.path, LOCK_FILE));
  if (holder && isAlive(holder)) return [lockHeldMessage(folder.given, holder)];
  if (existsSync(join(folder.path, OWNERSHIP_FILE)) || existsSync(join(folder.path, JOURNAL_FILE))) return [];
  const found = findForeignContent(folder.path, new Map(), isBookkeeping);
  const reasons = ownershipReasons(folder, found, false);
  const owner = owningAncestor(folder.path);
  if (reasons.length > 0 && owner) {
    reasons.push(`${folder.given} is part of the output written to ${owner} (listed in ${join(owner, OWNERSHIP_FILE)}); synth into ${owner} instead`);
  }
  return reasons;
}

/** The nearest folder above `path` whose ownership file lists files under `path`, if any. */
function owningAncestor(path: string): string | undefined {
  for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) {
    const owned = existsSync(join(folder, OWNERSHIP_FILE)) ? readOwnedFiles(folder) : undefined;
    const prefix = `${relative(folder, path).split(sep).join('/')}/`;
    if (owned && [...owned.keys()].some(file => file.startsWith(prefix))) return folder;
  }
  return undefined;
}

function ownershipReasons(folder: OutputFolder, found: ForeignContent, force: boolean): string[] {
  const reasons: string[] = [];
  if (found.foreign.length > 0) {
    reasons.push(`${folder.given} holds files service-chain did not write (they are not listed in ${OWNERSHIP_FILE}): `
      + `${found.foreign.join(', ')}. It writes only into a new or empty folder, or one it wrote before; `
      + 'give another folder with -o, or move these out');
  }
  if (found.edited.length > 0 && !force) {
    reasons.push(`${folder.given} holds files service-chain wrote that were edited since: ${found.edited.join(', ')}. `
      + 'Make the change in the spec instead, or pass --force (the `force` option) to overwrite them');
  }
  return reasons;
}

function planWrite(files: readonly RenderedFile[], before: OwnedFiles, onDisk: ReadonlyMap<string, string>): WritePlan {
  const after = ownedFilesOf(files);
  const changed = new Map(files.filter(file => onDisk.get(file.path) !== after.get(file.path)).map(file => [file.path, file.content]));
  const removed = [...before.keys()].filter(path => !after.has(path) && onDisk.has(path));
  return { changed, removed, before, after };
}
