import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../project-root';
import { LoadedManifest } from './load';
import { isIstio } from './objects';

/** The kinds of networking.istio.io whose CRD schemas are kept in schema/istio/. */
export const SCHEMA_KINDS = ['VirtualService', 'DestinationRule', 'Gateway'] as const;

/** One of {@link SCHEMA_KINDS}. */
export type SchemaKind = typeof SCHEMA_KINDS[number];

let folderCache: string | undefined;
let versionsCache: Map<string, string[]> | undefined;
const schemaCache = new Map<string, object>();

/** The folder with the CRD schemas written by scripts/extract-crd-schemas.js. */
export function schemaFolder(): string {
  folderCache ??= path.join(projectRoot(), 'schema', 'istio');
  return folderCache;
}

/**
 * The versions with a schema for a kind, sorted: `['v1', 'v1beta1']`. Throws when the
 * schema folder is missing: that is a broken installation, not a fault of the manifests.
 */
export function schemaVersions(kind: SchemaKind): string[] {
  if (!versionsCache) {
    const found = new Map<string, string[]>();
    if (!fs.existsSync(schemaFolder())) {
      throw new Error(`${schemaFolder()} is missing: regenerate it with \`npx projen import\` (scripts/extract-crd-schemas.js)`);
    }
    for (const name of fs.readdirSync(schemaFolder()).sort()) {
      const match = /^([A-Za-z0-9]+)\.([A-Za-z0-9]+)\.json$/.exec(name);
      if (match) found.set(match[1], [...found.get(match[1]) ?? [], match[2]]);
    }
    versionsCache = found;
  }
  return versionsCache.get(kind) ?? [];
}

/** The OpenAPI v3 schema of a kind in a version, read once; `undefined` if there is none. */
export function schemaOf(kind: SchemaKind, version: string): object | undefined {
  if (!schemaVersions(kind).includes(version)) return undefined;
  const key = `${kind}.${version}`;
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = JSON.parse(fs.readFileSync(path.join(schemaFolder(), `${key}.json`), 'utf8')) as object;
    schemaCache.set(key, schema);
  }
  return schema;
}

/** The schema kind of a manifest, if it is a networking.istio.io VirtualService, DestinationRule or Gateway. */
export function schemaKindOf(manifest: LoadedManifest): SchemaKind | undefined {
  return SCHEMA_KINDS.find(kind => isIstio(manifest, kind));
}
