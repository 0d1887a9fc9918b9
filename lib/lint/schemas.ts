import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../project-root';
import { LoadedManifest } from './load';
import { apiGroupOf, kindOf } from './loaded-objects';

/**
 * The API groups whose CRD schemas are kept, each in its folder of schema/ (written by
 * scripts/extract-crd-schemas.js). Schemas are keyed by group, not by kind alone: Istio and
 * Gateway API both have a kind `Gateway`.
 */
export const SCHEMA_FOLDERS: Readonly<Record<string, string>> = {
  'networking.istio.io': 'istio',
  'gateway.networking.k8s.io': 'gateway-api',
};

/** A kind of an API group with a CRD schema: `{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }`. */
export interface SchemaType {
  /** The API group: `networking.istio.io`. */
  readonly group: string;
  /** The kind: `VirtualService`. */
  readonly kind: string;
}

/** group -> kind -> the versions with a schema, sorted; read from schema/ once. */
let versionsCache: Map<string, Map<string, string[]>> | undefined;
const schemaCache = new Map<string, object>();

/** The folder with the CRD schemas of an API group. */
export function schemaFolder(group: string): string {
  return path.join(projectRoot(), 'schema', SCHEMA_FOLDERS[group] ?? group);
}

/** Every kept schema's group, kind and versions. Throws when a folder is missing: that is a broken installation. */
function knownVersions(): Map<string, Map<string, string[]>> {
  if (versionsCache) return versionsCache;
  const found = new Map<string, Map<string, string[]>>();
  for (const group of Object.keys(SCHEMA_FOLDERS)) {
    const folder = schemaFolder(group);
    if (!fs.existsSync(folder)) {
      throw new Error(`${folder} is missing: regenerate it with \`npx projen import\` (scripts/extract-crd-schemas.js)`);
    }
    const kinds = new Map<string, string[]>();
    for (const name of fs.readdirSync(folder).sort()) {
      const match = /^([A-Za-z0-9]+)\.([A-Za-z0-9]+)\.json$/.exec(name);
      if (match) kinds.set(match[1], [...kinds.get(match[1]) ?? [], match[2]]);
    }
    found.set(group, kinds);
  }
  versionsCache = found;
  return found;
}

/** The versions with a schema for a kind of a group, sorted: `['v1', 'v1beta1']`. */
export function schemaVersions(type: SchemaType): string[] {
  return knownVersions().get(type.group)?.get(type.kind) ?? [];
}

/** The OpenAPI v3 schema of a kind in a version, read once; `undefined` if there is none. */
export function schemaOf(type: SchemaType, version: string): object | undefined {
  if (!schemaVersions(type).includes(version)) return undefined;
  const key = `${type.group}/${type.kind}.${version}`;
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = JSON.parse(fs.readFileSync(path.join(schemaFolder(type.group), `${type.kind}.${version}.json`), 'utf8')) as object;
    schemaCache.set(key, schema);
  }
  return schema;
}

/**
 * The schema type of a manifest, when its group is one of {@link SCHEMA_FOLDERS} and some
 * version of its kind has a schema: an Istio VirtualService, DestinationRule or Gateway, a
 * Gateway API HTTPRoute, Gateway, GatewayClass or ReferenceGrant.
 */
export function schemaTypeOf(manifest: LoadedManifest): SchemaType | undefined {
  const group = apiGroupOf(manifest);
  const kind = kindOf(manifest);
  return knownVersions().get(group)?.has(kind) ? { group, kind } : undefined;
}
