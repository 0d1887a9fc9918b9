/** A file to write: its path under the output folder, its text, and where it comes from. */
export interface RenderedFile {
  /** Path relative to the output folder, with `/` separators. */
  readonly path: string;
  readonly content: string;
  /**
   * What produced the file, named in errors when two files claim one path (the spec file, for the command).
   * @default - not named
   */
  readonly origin?: string;
}

/**
 * Every reason the paths of these files cannot be written as they are, checked before
 * anything is written: a path that is empty, absolute, leaves the folder, or has a hidden,
 * `.` or `..` segment or a control character (names starting with `.` are the writer's own);
 * two files with one path; a file where another needs a folder. Empty when all is well.
 */
export function findPathProblems(files: readonly RenderedFile[]): string[] {
  const problems: string[] = [];
  const byPath = new Map<string, RenderedFile>();
  for (const file of files) {
    const problem = pathProblem(file.path);
    if (problem) {
      problems.push(`${JSON.stringify(file.path)}${from(file)}: ${problem}`);
      continue;
    }
    const first = byPath.get(file.path);
    if (first) problems.push(`${JSON.stringify(file.path)} is claimed twice, ${claimants(first, file)}; every file needs a path of its own`);
    else byPath.set(file.path, file);
  }
  for (const file of byPath.values()) {
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = byPath.get(segments.slice(0, i).join('/'));
      if (folder) {
        problems.push(`${JSON.stringify(folder.path)} is a file${from(folder)}, but ${JSON.stringify(file.path)}${from(file)} needs it to be a folder`);
      }
    }
  }
  return problems;
}

function pathProblem(path: string): string | undefined {
  if (path === '') return 'is empty; every file needs a name';
  if (path.startsWith('/')) return 'is absolute; give a path relative to the output folder';
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return 'holds a control character or a backslash; use plain file names';
  const bad = path.split('/').find(segment => segment === '' || segment.startsWith('.'));
  if (bad === undefined) return undefined;
  if (bad === '..') return 'leaves the output folder';
  if (bad === '' || bad === '.') return 'has an empty or "." segment; write each folder once, without "./" or "//"';
  return `has the hidden name ${JSON.stringify(bad)}; names starting with "." are kept for the writer's own files`;
}

function from(file: RenderedFile): string {
  return file.origin ? ` (from ${file.origin})` : '';
}

function claimants(first: RenderedFile, second: RenderedFile): string {
  if (first.origin === undefined || second.origin === undefined) return 'by two files';
  return first.origin === second.origin ? `both by ${first.origin}` : `by ${first.origin} and by ${second.origin}`;
}
