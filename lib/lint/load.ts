import * as fs from 'fs';
import * as path from 'path';
import { DocumentOptions, ParseOptions, parseAllDocuments, SchemaOptions } from 'yaml';
import { findYamlHazards, YamlHazard } from './ambiguous-scalars';
import { Finding } from './findings';
import { show } from '../diagnostics/problems';

/** One Kubernetes object read from a manifest file. */
export interface LoadedManifest {
  /** The file it came from, as named or as found in a named folder: `dist/routing.yaml`. */
  readonly file: string;
  /** The position of its YAML document in the file, counting from 0 (0 for JSON). */
  readonly index: number;
  /** The object as parsed: a mapping with at least `apiVersion` and `kind` strings. */
  readonly object: Record<string, unknown>;
  /**
   * What its YAML holds that readers do not read alike (see `checkYamlHazards`).
   * @default - none (JSON, or nothing found)
   */
  readonly yamlHazards?: readonly YamlHazard[];
}

/** What {@link loadManifests} read: the objects, and what could not be read. */
export interface LoadResult {
  /** The objects, in file order (folders sorted by name), then document order. */
  readonly manifests: LoadedManifest[];
  /** Files that could not be read and documents that do not parse or are no Kubernetes object. */
  readonly findings: Finding[];
}

/**
 * YAML read the way kubectl reads it (go-yaml v2, YAML 1.1): `on`, `off`, `yes`, `no`, `y`
 * and `n` are booleans and `0755` is octal, so an unquoted `version: on` is caught as the
 * boolean the API server would get. Like go-yaml v2, and unlike YAML 1.1 proper, dates
 * stay strings and `1:20` is no base-60 number; merge keys (`<<`) are honoured.
 */
const KUBECTL_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  customTags: tags => tags.filter(tag => typeof tag === 'string'
    || (tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME')),
};

/** File endings read when walking a folder. */
const MANIFEST_FILE = /\.(ya?ml|json)$/i;
/** Kustomize's own files, skipped when walking a folder: they are not manifests. */
const KUSTOMIZATION_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/**
 * Reads Kubernetes manifests from files and folders. A folder is walked recursively in
 * name order, reading `.yaml`, `.yml` and `.json` files and skipping kustomization files
 * and names starting with a dot; a file named directly is read whatever its name. YAML
 * files may hold several documents; empty documents are skipped. YAML is read as kubectl
 * reads it: YAML 1.1 booleans (`on`, `yes`, `y`...) and octals.
 *
 * Nothing throws for bad input: a path that cannot be read, a document that does not
 * parse, or one that is not a mapping with `apiVersion` and `kind`, becomes a finding.
 * The other documents of a file with a broken document are still read.
 */
export function loadManifests(paths: readonly string[]): LoadResult {
  const manifests: LoadedManifest[] = [];
  const findings: Finding[] = [];
  const seenFolders = new Set<string>();

  const visit = (file: string, named: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (error) {
      findings.push({ file, object: '', message: `cannot be read: ${reason(error)}` });
      return;
    }
    if (stat.isDirectory()) {
      const real = fs.realpathSync(file);
      if (seenFolders.has(real)) return;
      seenFolders.add(real);
      for (const entry of fs.readdirSync(file).sort()) {
        if (entry.startsWith('.') || KUSTOMIZATION_FILES.has(entry)) continue;
        const child = path.join(file, entry);
        if (MANIFEST_FILE.test(entry) || isDirectory(child)) visit(child, false);
      }
      return;
    }
    if (!named && !stat.isFile()) return;
    readFile(file, manifests, findings);
  };

  for (const given of paths) visit(given, true);
  return { manifests, findings };
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : String(error));
}

function readFile(file: string, manifests: LoadedManifest[], findings: Finding[]): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    findings.push({ file, object: '', message: `cannot be read: ${reason(error)}` });
    return;
  }

  const accept = (index: number, value: unknown, yamlHazards: readonly YamlHazard[] = []): void => {
    if (value === null || value === undefined) return;
    const problem = notAnObject(value);
    if (problem) findings.push({ file, index, object: `document ${index + 1}`, message: problem });
    else manifests.push({ file, index, object: value as Record<string, unknown>, ...(yamlHazards.length > 0 ? { yamlHazards } : {}) });
  };

  if (/\.json$/i.test(file)) {
    try {
      accept(0, JSON.parse(text));
    } catch (error) {
      findings.push({ file, index: 0, object: '', message: `does not parse as JSON: ${(error as Error).message}` });
    }
    return;
  }

  parseAllDocuments(text, KUBECTL_YAML).forEach((document, index) => {
    if (document.errors.length > 0) {
      const first = document.errors[0].message.split('\n')[0].replace(/:$/, '');
      findings.push({ file, index, object: `document ${index + 1}`, message: `does not parse as YAML: ${first}` });
      return;
    }
    let value: unknown;
    try {
      value = document.toJS();
    } catch (error) {
      findings.push({ file, index, object: `document ${index + 1}`, message: `cannot be read: ${(error as Error).message}` });
      return;
    }
    accept(index, value, findYamlHazards(document, text));
  });
}

/** Why a parsed document is no Kubernetes object, or `undefined` if it is one. */
function notAnObject(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `is not a Kubernetes object: expected a mapping with apiVersion and kind, found ${Array.isArray(value) ? 'a list' : show(value)}`;
  }
  const record = value as Record<string, unknown>;
  const missing = ['apiVersion', 'kind'].filter(key => typeof record[key] !== 'string' || record[key] === '');
  if (missing.length > 0) return `is not a Kubernetes object: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing or not a string`;
  return undefined;
}
