import { existsSync, lstatSync, realpathSync, Stats, statSync } from 'fs';
import { basename, dirname, join, relative, resolve, sep } from 'path';

/** Where the output goes, once the path given has been checked. */
export interface OutputFolder {
  /** The path as it was given, for messages. */
  readonly given: string;
  /** The real path: symbolic links resolved, so the files go into the folder a link points to. */
  readonly path: string;
  /** Whether the folder exists already. */
  readonly exists: boolean;
}

/**
 * Resolves the output folder and lists every reason to refuse it, looking only at paths:
 * an empty path, something that is not a folder, the current folder or one of its
 * ancestors, a folder holding one of `protect` (the specs being synthesised). What the
 * folder holds is checked later, under the lock.
 */
export function resolveOutputFolder(given: string, protect: readonly string[] = []): { folder: OutputFolder; reasons: string[] } {
  const reasons: string[] = [];
  if (given.trim() === '') {
    reasons.push('the output folder is an empty path, which would mean the current folder; give one such as -o dist');
    return { folder: { given, path: resolve(given), exists: false }, reasons };
  }
  const { path, exists, problem } = realOutputPath(given);
  if (problem) reasons.push(`${given}: ${problem}`);
  const cwd = realpathSync(process.cwd());
  if (path === cwd) {
    reasons.push(`${given} is the current folder; writing there would put its files at risk. Give a folder of its own, such as -o dist`);
  } else if (isInside(cwd, path)) {
    reasons.push(`${given} (${path}) holds the current folder ${cwd}; give a folder of its own, such as -o dist`);
  }
  for (const kept of protect) {
    const real = existsSync(kept) ? realpathSync(kept) : resolve(kept);
    if (real === path || isInside(real, path)) {
      reasons.push(`${given} holds ${kept}, which is being synthesised; give a folder of its own for the output`);
    }
  }
  return { folder: { given, path, exists }, reasons };
}

/** Whether `path` is strictly inside `folder`. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel);
}

/** The real path of `given`, or of its nearest existing ancestor with the rest appended, and what is wrong with it. */
function realOutputPath(given: string): { path: string; exists: boolean; problem?: string } {
  const absolute = resolve(given);
  const stats = lstatOrUndefined(absolute);
  if (stats) {
    const target = statOrUndefined(absolute);
    const path = target ? realpathSync(absolute) : absolute;
    const link = stats.isSymbolicLink() ? 'is a symbolic link to ' : 'is ';
    if (!target) return { path, exists: false, problem: 'is a symbolic link to nothing; create the folder it points to, or give another one' };
    if (!target.isDirectory()) return { path, exists: true, problem: `${link}a file, not a folder; give a folder (a new one is created)` };
    return { path, exists: true, problem: untrusted(absolute, stats) ?? untrusted(path, target, link) };
  }
  let ancestor = dirname(absolute);
  const rest = [basename(absolute)];
  while (!existsSync(ancestor)) {
    rest.unshift(basename(ancestor));
    ancestor = dirname(ancestor);
  }
  const path = join(realpathSync(ancestor), ...rest);
  return statSync(ancestor).isDirectory()
    ? { path, exists: false }
    : { path, exists: false, problem: `cannot be created: ${ancestor} is a file, not a folder` };
}

/**
 * Why another user could turn a write into `path` against the caller: the folder is writable
 * by every user, or another user made it (or the link to it) in a folder every user can
 * write to, such as /tmp, where anyone can plant a folder or a link before the caller uses it.
 */
function untrusted(path: string, stats: Stats, subject = 'is '): string | undefined {
  if (!stats.isSymbolicLink() && (stats.mode & 0o002) !== 0) {
    return `${subject}a folder every user can write to (mode ${(stats.mode & 0o7777).toString(8)}), so another user could change it while it is written; `
      + 'give a folder only you or your group can write';
  }
  const parent = statOrUndefined(dirname(path));
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid && parent && (parent.mode & 0o002) !== 0) {
    return `was made by another user (uid ${stats.uid}) in ${dirname(path)}, which every user can write to, so it may be a trap; `
      + 'remove it, or give a folder of your own';
  }
  return undefined;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
