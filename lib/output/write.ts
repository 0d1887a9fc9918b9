import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import { ManifestFile } from './layout';
import { renderYaml } from './yaml';

/** A file ready to write: its path under the output folder and its text. */
export interface RenderedFile {
  readonly path: string;
  readonly content: string;
}

/** Renders manifest files to YAML text. */
export function renderFiles(files: ManifestFile[]): RenderedFile[] {
  return files.map(file => ({ path: file.path, content: renderYaml(file.documents) }));
}

/**
 * Replaces `outdir` with exactly these files, atomically: they are written to a sibling
 * temporary folder first, which is then renamed into place. If anything fails, `outdir`
 * is left as it was.
 */
export function writeFilesAtomically(outdir: string, files: RenderedFile[]): void {
  const target = resolve(outdir);
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  const retired = `${target}.old-${process.pid}-${Date.now()}`;
  try {
    for (const file of files) {
      const path = safeJoin(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    mkdirSync(staging, { recursive: true });
    mkdirSync(dirname(target), { recursive: true });
    const hadTarget = existsSync(target);
    if (hadTarget) renameSync(target, retired);
    try {
      renameSync(staging, target);
    } catch (error) {
      if (hadTarget) renameSync(retired, target);
      throw error;
    }
    rmSync(retired, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** How the files on disk differ from the ones given: paths changed, added or removed. */
export interface Drift {
  readonly changed: string[];
  readonly added: string[];
  readonly removed: string[];
}

/** Compares `outdir` with the files a synth would write, without writing anything. */
export function findDrift(outdir: string, files: RenderedFile[]): Drift {
  const onDisk = new Set(listFiles(outdir));
  const changed: string[] = [];
  const added: string[] = [];
  for (const file of files) {
    if (!onDisk.has(file.path)) added.push(file.path);
    else if (readFileSync(join(outdir, file.path), 'utf8') !== file.content) changed.push(file.path);
    onDisk.delete(file.path);
  }
  return { changed, added, removed: [...onDisk].sort() };
}

/** Every file under `dir`, as sorted paths relative to it with `/` separators. @internal */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const walk = (folder: string): string[] => readdirSync(folder).flatMap(name => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split(sep).join('/')];
  });
  return walk(dir).sort();
}

function safeJoin(root: string, path: string): string {
  const joined = resolve(root, path);
  if (!joined.startsWith(root + sep)) throw new Error(`output path ${JSON.stringify(path)} leaves the output folder`);
  return joined;
}
