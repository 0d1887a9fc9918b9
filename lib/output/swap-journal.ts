import { chownSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'fs';
import { dirname, join } from 'path';
import { fileSha256, fsyncFolder, writeNewFileDurably } from './durable-fs';
import { BOOKKEEPING_PREFIX, OWNERSHIP_FILE, OwnedFiles, renderOwnedFiles } from './ownership';

/**
 * The journal of a write in progress, in the output folder: the staging folder, and the
 * files before and after. It exists from before the first file is replaced until the
 * write is done, so that a run that was killed halfway is finished or undone by the next.
 */
export const JOURNAL_FILE = `${BOOKKEEPING_PREFIX}journal`;

/** The staging folder of a write: created by `mkdtemp` inside the output folder, mode 0700. */
export const STAGING_PREFIX = `${BOOKKEEPING_PREFIX}staging-`;

/** What the journal records. */
export interface Journal {
  /** The staging folder's name, inside the output folder. */
  readonly staging: string;
  /** The ownership list before the write: path -> sha256. */
  readonly before: Record<string, string>;
  /** The ownership list after the write. */
  readonly after: Record<string, string>;
  /** The files written, in order: the new content of `changed[i]` is staged as `new-<i>`. */
  readonly changed: string[];
  /** The files kept to be put back: the old `backups[i]` is hard-linked as `old-<i>`. */
  readonly backups: string[];
}

/** The points of a write, in order, where a test can stop it as a crash would. @internal */
export type WriteStep = 'journaled' | 'staged' | 'replaced-file' | 'removed-old' | 'committed' | 'cleaned';

/** A write to carry out: the files that change, the ones that go, and the lists before and after. */
export interface WritePlan {
  /** Files whose content changes or that are new: path -> content. */
  readonly changed: ReadonlyMap<string, string>;
  /** Files listed before, not after, that are on disk. */
  readonly removed: readonly string[];
  readonly before: OwnedFiles;
  readonly after: OwnedFiles;
}

/**
 * Carries out a write in `folder` (which the caller has locked and checked):
 * 1. creates the staging folder and writes the journal (both flushed to disk);
 * 2. writes each changed file into the staging folder, flushed, with the mode, owner and
 *    group of the file it replaces, and hard-links each file about to be replaced or
 *    removed there too, so that it can be put back. The staging folder is flat: no
 *    sub-folder, so no path inside it can be redirected;
 * 3. renames each new file over its old one (each rename is atomic), creating sub-folders
 *    one level at a time and refusing a symbolic link on the way;
 * 4. removes the files that go, then the folders they leave empty;
 * 5. commits: renames the new ownership list into place;
 * 6. deletes the staging folder and the journal.
 * An error before the commit undoes everything done so far; a crash leaves the journal,
 * and {@link recoverInterruptedWrite} undoes or finishes the write on the next run.
 */
export function carryOutWrite(folder: string, plan: WritePlan, onStep: (step: WriteStep) => void = () => {}): void {
  const staging = mkdtempSync(join(folder, STAGING_PREFIX));
  const changed = [...plan.changed.keys()];
  const journal: Journal = {
    staging: staging.slice(folder.length + 1),
    before: Object.fromEntries(plan.before),
    after: Object.fromEntries(plan.after),
    changed,
    backups: [...changed, ...plan.removed].filter(path => existsSync(join(folder, path))),
  };
  writeNewFileDurably(join(staging, 'journal'), JSON.stringify(journal, undefined, 2) + '\n');
  renameSync(join(staging, 'journal'), join(folder, JOURNAL_FILE));
  fsyncFolder(folder);
  let committed = false;
  try {
    onStep('journaled');
    stage(folder, staging, plan, journal);
    onStep('staged');
    const touched = new Set<string>([folder]);
    changed.forEach((path, i) => {
      makeFolders(folder, dirname(path));
      renameSync(join(staging, `new-${i}`), join(folder, path));
      touched.add(dirname(join(folder, path)));
      onStep('replaced-file');
    });
    for (const path of plan.removed) {
      unlinkSync(join(folder, path));
      touched.add(dirname(join(folder, path)));
    }
    for (const dir of touched) if (existsSync(dir)) fsyncFolder(dir);
    removeEmptyFolders(folder, plan.removed);
    onStep('removed-old');
    renameSync(join(staging, 'ownership'), join(folder, OWNERSHIP_FILE));
    fsyncFolder(folder);
    committed = true;
    onStep('committed');
  } catch (error) {
    if (!committed) undoWrite(folder, journal);
    throw error;
  }
  finishWrite(folder, journal);
  onStep('cleaned');
}

function stage(folder: string, staging: string, plan: WritePlan, journal: Journal): void {
  journal.changed.forEach((path, i) => {
    const old = lstatOrUndefined(join(folder, path));
    const target = join(staging, `new-${i}`);
    writeNewFileDurably(target, plan.changed.get(path)!, old ? old.mode & 0o7777 : undefined);
    if (old) keepOwner(target, old.uid, old.gid);
  });
  journal.backups.forEach((path, i) => {
    try {
      linkSync(join(folder, path), join(staging, `old-${i}`));
    } catch {
      copyFileSync(join(folder, path), join(staging, `old-${i}`));
    }
  });
  writeNewFileDurably(join(staging, 'ownership'), renderOwnedFiles(plan.after));
}

/** Creates the folders of `relative` under `folder`, one at a time; a symbolic link or a file on the way is an error. */
function makeFolders(folder: string, relative: string): void {
  if (relative === '.') return;
  let path = folder;
  for (const part of relative.split('/')) {
    path = join(path, part);
    const stats = lstatOrUndefined(path);
    if (!stats) mkdirSync(path);
    else if (!stats.isDirectory()) throw new Error(`${path} is ${stats.isSymbolicLink() ? 'a symbolic link' : 'a file'}, where the output needs a folder; remove it`);
  }
}

/**
 * Finishes or undoes a write that a crash interrupted, as its journal says: if the new
 * ownership list is in place the write had committed and is finished, otherwise every file
 * is put back as it was. Also deletes empty staging folders left before a journal was
 * written. Does nothing when there is no journal. The caller holds the lock.
 * @returns what was done, for a message; undefined when there was nothing to do
 */
export function recoverInterruptedWrite(folder: string): 'finished' | 'undone' | undefined {
  const journalPath = join(folder, JOURNAL_FILE);
  let outcome: 'finished' | 'undone' | undefined;
  if (existsSync(journalPath)) {
    const journal = readJournal(journalPath);
    const ownership = join(folder, OWNERSHIP_FILE);
    const current = existsSync(ownership) ? readFileSync(ownership, 'utf8') : undefined;
    if (current === renderOwnedFiles(new Map(Object.entries(journal.after)))) {
      finishWrite(folder, journal);
      outcome = 'finished';
    } else {
      undoWrite(folder, journal);
      outcome = 'undone';
    }
  }
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    // created by mkdtemp before its journal: it holds at most the journal's first copy
    rmSync(join(folder, name, 'journal'), { force: true });
    try {
      rmdirSync(join(folder, name));
    } catch {
      // not empty, so not provably ours: the ownership check reports it
    }
  }
  return outcome;
}

/** Whether a write into `folder` was interrupted and awaits recovery. */
export function hasInterruptedWrite(folder: string): boolean {
  return existsSync(join(folder, JOURNAL_FILE));
}

function readJournal(path: string): Journal {
  const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  const sound = typeof journal.staging === 'string' && journal.staging.startsWith(STAGING_PREFIX) && !journal.staging.includes('/')
    && Array.isArray(journal.changed) && Array.isArray(journal.backups);
  if (!sound) {
    throw new Error(`${path} is not a journal service-chain wrote (its staging folder is ${JSON.stringify(journal.staging)}); `
      + 'check the folder by hand and remove the journal');
  }
  return journal;
}

/** Puts back every file the write replaced or removed, and removes the files it added. */
function undoWrite(folder: string, journal: Journal): void {
  const staging = join(folder, journal.staging);
  journal.backups.forEach((path, i) => {
    const backup = join(staging, `old-${i}`);
    if (!existsSync(backup)) return;
    makeFolders(folder, dirname(path));
    renameSync(backup, join(folder, path));
  });
  for (const path of journal.changed) {
    const target = join(folder, path);
    if (!(path in journal.before) && isFile(target) && fileSha256(target) === journal.after[path]) unlinkSync(target);
  }
  // folders created for new files, whether or not the files got there
  removeEmptyFolders(folder, journal.changed.filter(path => !(path in journal.before)));
  cleanUp(folder, journal);
}

/** Completes a committed write: the removals and the cleaning up. */
function finishWrite(folder: string, journal: Journal): void {
  const gone = Object.keys(journal.before).filter(path => !(path in journal.after));
  const removed = gone.filter(path => {
    const target = join(folder, path);
    if (!isFile(target) || fileSha256(target) !== journal.before[path]) return false;
    unlinkSync(target);
    return true;
  });
  removeEmptyFolders(folder, [...gone, ...removed]);
  cleanUp(folder, journal);
}

function cleanUp(folder: string, journal: Journal): void {
  rmSync(join(folder, journal.staging), { recursive: true, force: true });
  rmSync(join(folder, JOURNAL_FILE), { force: true });
  fsyncFolder(folder);
}

/** Removes the folders that removing these files left empty, deepest first, up to (not including) `folder`. */
function removeEmptyFolders(folder: string, removedFiles: readonly string[]): void {
  const folders = new Set(removedFiles.flatMap(path => {
    const parts = path.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
  }));
  for (const path of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(folder, path));
    } catch {
      // not empty, or gone: either way not ours to remove
    }
  }
}

function keepOwner(path: string, uid: number, gid: number): void {
  const stats = lstatSync(path);
  if (stats.uid === uid && stats.gid === gid) return;
  try {
    chownSync(path, uid, gid);
  } catch {
    // only root may give a file away; the folder's setgid group still applies
  }
}

function isFile(path: string): boolean {
  return lstatOrUndefined(path)?.isFile() ?? false;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
