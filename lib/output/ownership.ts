import { existsSync, lstatSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { fileSha256, sha256 } from './durable-fs';

/**
 * The file in each output folder that lists the files the writer wrote there, with their
 * sha256, in the format of `sha256sum` (so `sha256sum -c .service-chain.sha256` verifies the
 * folder). The writer removes or replaces only files listed in it. Its name ends in neither
 * `.yaml`, `.yml` nor `.json`, so `kubectl apply -f`, kustomize, Flux and Argo CD ignore it.
 */
export const OWNERSHIP_FILE = '.service-chain.sha256';

/** Every name the writer keeps for itself in an output folder starts with this. */
export const BOOKKEEPING_PREFIX = '.service-chain.';

/** Whether a name in an output folder is the writer's own bookkeeping, not an output file. */
export function isBookkeeping(name: string): boolean {
  return name.startsWith(BOOKKEEPING_PREFIX);
}

/** Output paths (relative, `/`-separated) and the sha256 of each file's content. */
export type OwnedFiles = ReadonlyMap<string, string>;

const HEADER = [
  '# The files service-chain wrote into this folder, with their sha256 (`sha256sum -c` checks them).',
  '# service-chain replaces and removes these files only, and refuses to write into a folder holding others.',
];

/** The path and sha256 of each file's content. */
export function ownedFilesOf(files: readonly { readonly path: string; readonly content: string }[]): OwnedFiles {
  return new Map(files.map(file => [file.path, sha256(file.content)]));
}

/** The text of the ownership file for these files: the header, then one line per file, sorted by path. */
export function renderOwnedFiles(files: OwnedFiles): string {
  const paths = [...files.keys()].sort();
  return [...HEADER, ...paths.map(path => `${files.get(path)}  ${path}`)].join('\n') + '\n';
}

/** Reads a folder's ownership file; undefined when it has none. */
export function readOwnedFiles(outdir: string): OwnedFiles | undefined {
  const path = join(outdir, OWNERSHIP_FILE);
  if (!existsSync(path)) return undefined;
  return parseOwnedFiles(readFileSync(path, 'utf8'), path);
}

/** Parses the text of an ownership file; a line that is not `<sha256>  <path>` is an error naming the file. */
export function parseOwnedFiles(text: string, source: string): OwnedFiles {
  const files = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match) {
      throw new Error(`${source}:${i + 1}: ${JSON.stringify(line)} is not "<sha256>  <path>"; `
        + 'the file lists what service-chain wrote and is not meant to be edited. Restore it from version control, or empty the folder');
    }
    files.set(match[2], match[1]);
  });
  return files;
}

/** What the writer found in a folder that it did not write, or wrote but finds changed. */
export interface ForeignContent {
  /** Entries not listed in the ownership file, each with why it matters: `notes.txt`, `.git (a git repository)`. */
  readonly foreign: string[];
  /** Files it wrote whose content changed since. */
  readonly edited: string[];
  /** The sha256 of each listed file as found on disk (absent when the file is missing). */
  readonly onDisk: ReadonlyMap<string, string>;
}

/** Entries that mark a project folder, which an output folder never is. */
const PROJECT_MARKERS: Record<string, string> = {
  '.git': 'a git repository',
  '.hg': 'a Mercurial repository',
  '.svn': 'a Subversion working copy',
  'package.json': 'an npm project',
  'go.mod': 'a Go module',
  'Cargo.toml': 'a Rust crate',
  'pyproject.toml': 'a Python project',
  'pom.xml': 'a Maven project',
};

/** At most this many foreign entries are listed; the walk stops there. */
const FOREIGN_LIMIT = 20;

/**
 * Walks `outdir` without following symbolic links and sorts what it holds into files it
 * owns (listed, unchanged), files it owns that were edited, and everything else. Folders on
 * the way to a listed file are walked; any other folder is one foreign entry, not walked.
 * The names in `skip` (the writer's bookkeeping) are passed over at the top.
 */
export function findForeignContent(outdir: string, owned: OwnedFiles, skip: (name: string) => boolean): ForeignContent {
  const foreign: string[] = [];
  const edited: string[] = [];
  const onDisk = new Map<string, string>();
  const ownedFolders = new Set([...owned.keys()].flatMap(path => {
    const parts = path.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
  }));
  const walk = (relative: string): void => {
    for (const name of readdirSync(join(outdir, relative)).sort()) {
      if (foreign.length >= FOREIGN_LIMIT) return;
      const path = relative === '' ? name : `${relative}/${name}`;
      if (relative === '' && skip(name)) continue;
      const stats = lstatSync(join(outdir, path));
      if (stats.isDirectory() && ownedFolders.has(path)) {
        walk(path);
      } else if (stats.isFile() && owned.has(path)) {
        const hash = fileSha256(join(outdir, path));
        onDisk.set(path, hash);
        if (hash !== owned.get(path)) edited.push(path);
      } else {
        foreign.push(describeForeign(path, stats.isDirectory(), stats.isSymbolicLink(), relative === ''));
      }
    }
  };
  walk('');
  if (foreign.length >= FOREIGN_LIMIT) foreign.push('... (the list stops here)');
  return { foreign, edited, onDisk };
}

function describeForeign(path: string, isFolder: boolean, isLink: boolean, atTop: boolean): string {
  const project = atTop ? PROJECT_MARKERS[path] : undefined;
  if (project) return `${path} (${project}: this is a project folder)`;
  if (isLink) return `${path} (a symbolic link)`;
  return isFolder ? `${path}/ (a folder)` : path;
}
