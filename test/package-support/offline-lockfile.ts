import { readFileSync } from 'fs';
import { join } from 'path';

/** An entry of `packages` in a package-lock.json (lockfile version 2 or 3). */
interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  readonly [field: string]: unknown;
}

/** The flags npm derives from the tree it installs into; the consumer's tree decides them afresh. */
const DERIVED_FLAGS = new Set(['dev', 'optional', 'devOptional', 'peer', 'extraneous']);

/** What an app's package.json says it needs. */
export interface AppDependencies {
  /** name -> version, installed from the repository's lockfile. */
  readonly dependencies: Record<string, string>;
  /** name -> version, installed from the repository's lockfile. */
  readonly devDependencies: Record<string, string>;
}

/** A packed tarball to install in the app, by its manifest (the package.json inside it). */
export interface LocalTarball {
  /** The tarball's path relative to the app, as `file:` takes it. */
  readonly file: string;
  /** Its package.json. */
  readonly manifest: LockEntry & { readonly name: string; readonly version: string; readonly bin?: Record<string, string> };
}

/**
 * A package-lock.json for an app that installs `tarball` beside `app`'s packages, taking every
 * other package (version and integrity) from the repository's own lockfile. With it,
 * `npm ci --offline` installs from the npm cache that the repository's `npm ci` filled: no
 * registry metadata is needed. Each package is found the way Node finds it, nested folders
 * first; a package the repository's lockfile lacks is an error naming it.
 */
export function offlineLockfile(repoRoot: string, app: AppDependencies, tarball: LocalTarball): object {
  const repo = (JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }).packages;
  const { name, version, bin, dependencies, optionalDependencies, peerDependencies, peerDependenciesMeta } = tarball.manifest;
  const packages: Record<string, LockEntry> = {
    '': { name: 'consumer', version: '0.0.0', dependencies: { ...app.dependencies, [name]: `file:${tarball.file}` }, devDependencies: app.devDependencies },
    [`node_modules/${name}`]: { version, resolved: `file:${tarball.file}`, bin, dependencies, optionalDependencies, peerDependencies, peerDependenciesMeta },
  };

  const locate = (from: string, dependency: string): string => {
    for (let folder = from; folder !== ''; folder = parentPackage(folder)) {
      if (repo[`${folder}/node_modules/${dependency}`]) return `${folder}/node_modules/${dependency}`;
    }
    if (repo[`node_modules/${dependency}`]) return `node_modules/${dependency}`;
    throw new Error(`${dependency}, needed by ${from || 'the app'}, is not in the repository's package-lock.json`);
  };
  const add = (from: string, needed: readonly string[]): void => {
    for (const dependency of needed) {
      const at = locate(from, dependency);
      if (packages[at]) continue;
      const entry = Object.fromEntries(Object.entries(repo[at]!).filter(([field]) => !DERIVED_FLAGS.has(field)));
      packages[at] = entry;
      add(at, requiredOf(entry));
    }
  };
  add('', [...Object.keys(app.dependencies), ...Object.keys(app.devDependencies)]);
  add(`node_modules/${name}`, requiredOf(tarball.manifest));
  return { name: 'consumer', version: '0.0.0', lockfileVersion: 3, requires: true, packages };
}

/** The folder of the package that holds `folder` in its node_modules, or '' for the app. */
function parentPackage(folder: string): string {
  const at = folder.lastIndexOf('/node_modules/');
  return at === -1 ? '' : folder.slice(0, at);
}

/**
 * The packages npm installs for an entry: its dependencies, its optional dependencies (npm
 * installs them where they build) and its peers that are not optional.
 */
function requiredOf(entry: LockEntry): string[] {
  const peers = Object.keys(entry.peerDependencies ?? {}).filter(peer => !entry.peerDependenciesMeta?.[peer]?.optional);
  return [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers];
}
