import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { RenderedFile } from './output-paths';
import { isBookkeeping, OWNERSHIP_FILE, ownedFilesOf, renderOwnedFiles } from './ownership';

/** How the files on disk differ from the ones given: paths changed, added or removed. */
export interface Drift {
  readonly changed: string[];
  readonly added: string[];
  readonly removed: string[];
}

/**
 * Compares `outdir` with the files a write would leave there, without writing anything.
 * The ownership file is compared too, as one of the files.
 */
export function findDrift(outdir: string, files: readonly RenderedFile[]): Drift {
  const expected = [...files, { path: OWNERSHIP_FILE, content: renderOwnedFiles(ownedFilesOf(files)) }];
  const onDisk = new Set(listFiles(outdir));
  if (existsSync(join(outdir, OWNERSHIP_FILE))) onDisk.add(OWNERSHIP_FILE);
  const changed: string[] = [];
  const added: string[] = [];
  for (const file of expected) {
    if (!onDisk.has(file.path)) added.push(file.path);
    else if (readFileSync(join(outdir, file.path), 'utf8') !== file.content) changed.push(file.path);
    onDisk.delete(file.path);
  }
  return { changed, added, removed: [...onDisk].sort() };
}

/**
 * Every file under `dir`, as sorted paths relative to it with `/` separators; symbolic
 * links are listed, not followed. The writer's own bookkeeping (names starting with
 * `.service-chain.`, such as the ownership file) is left out.
 */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const walk = (relative: string): string[] => readdirSync(join(dir, relative), { withFileTypes: true }).flatMap(entry => {
    if (isBookkeeping(entry.name)) return [];
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    return entry.isDirectory() ? walk(path) : [path];
  });
  return walk('').sort();
}
