#!/usr/bin/env node
/**
 * Writes the OpenAPI v3 schema of every served version of every CustomResourceDefinition
 * in the given CRD files to schema/<folder>/<Kind>.<version>.json, for lib/lint to validate
 * hand-written manifests against. The folder is chosen by the CRD's API group, since two
 * groups may have a kind of the same name (Istio's Gateway and Gateway API's Gateway):
 * schema/istio/ for networking.istio.io, schema/gateway-api/ for gateway.networking.k8s.io,
 * and schema/<group>/ for any other group.
 *
 *   node scripts/extract-crd-schemas.js [[prefix:=]crds.yaml ...]
 *
 * Run by the `import` task right after `cdk8s import`, with the same arguments. Like
 * `cdk8s import`, it accepts `prefix:=file` and, given no file, reads the `imports` of
 * cdk8s.yaml (entries that are not files, such as `k8s@1.27`, `github:...` or `helm:...`,
 * are skipped there) and every other crds/*.yaml (the Gateway API CRDs are kept there for
 * lint, whether or not bindings are imported from them). Arguments starting with `-` are
 * options meant for `cdk8s import` and are ignored.
 *
 * The output is deterministic: object keys sorted, two-space indent, trailing newline.
 * Every input is read and checked before anything is written; then, in each folder
 * written, the stale *.json files are removed and the new ones written.
 *
 * CRD_SCHEMA_OUT_DIR overrides the output root, schema/ (used by the tests).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { parseAllDocuments } = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = process.env.CRD_SCHEMA_OUT_DIR
  ? path.resolve(process.env.CRD_SCHEMA_OUT_DIR)
  : path.join(ROOT, 'schema');

/** The output folder of the well-known API groups; any other group gets a folder named after it. */
const GROUP_FOLDERS = {
  'networking.istio.io': 'istio',
  'gateway.networking.k8s.io': 'gateway-api',
};

/** The folder, under the output root, of the schemas of an API group. */
function folderOf(group) {
  return GROUP_FOLDERS[group] || group;
}

/** Import specs of cdk8s.yaml that name no CRD file. */
const NOT_A_FILE = /^(k8s(@.*)?|(github|helm):.*)$/;

/** A problem with the input: reported on stderr, exit code 1, nothing written. */
class InputError extends Error {}

/** Strips the `prefix:=` that `cdk8s import` accepts in front of a source. */
function sourceOf(spec) {
  const at = spec.indexOf(':=');
  return at === -1 ? spec : spec.slice(at + 2);
}

/** The absolute path of a local source; URLs are refused. */
function localFile(source, base) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new InputError(`${source}: only local files are supported; download the CRDs first`);
  return path.resolve(base, source);
}

/** The CRD files to read: the arguments, or else the file imports of cdk8s.yaml and the other crds/*.yaml. */
function inputFiles(args) {
  const given = args.filter(arg => !arg.startsWith('-'));
  if (given.length > 0) return given.map(spec => localFile(sourceOf(spec), process.cwd()));

  const configFile = path.join(ROOT, 'cdk8s.yaml');
  if (!fs.existsSync(configFile)) throw new InputError('no CRD file given and no cdk8s.yaml to read imports from');
  const [document] = parseAllDocuments(fs.readFileSync(configFile, 'utf8'));
  const config = document ? document.toJS() : null;
  const imports = (config && Array.isArray(config.imports)) ? config.imports : [];
  const files = imports
    .map(spec => sourceOf(String(spec)))
    .filter(source => !NOT_A_FILE.test(source))
    .map(source => localFile(source, ROOT));
  const crdFolder = path.join(ROOT, 'crds');
  const kept = fs.existsSync(crdFolder)
    ? fs.readdirSync(crdFolder).filter(name => /\.ya?ml$/.test(name)).sort().map(name => path.join(crdFolder, name))
    : [];
  const all = [...new Set([...files, ...kept])];
  if (all.length === 0) throw new InputError('no CRD file given and cdk8s.yaml imports none');
  return all;
}

/** Every CRD document in a file. */
function readCrds(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${error.code || error.message})`);
  }
  const crds = [];
  parseAllDocuments(text).forEach((document, index) => {
    if (document.errors.length > 0) {
      throw new InputError(`${file}: document ${index + 1} does not parse: ${document.errors[0].message.split('\n')[0]}`);
    }
    const object = document.toJS();
    if (object && object.kind === 'CustomResourceDefinition') crds.push({ object, where: `${file}: document ${index + 1}` });
  });
  return crds;
}

/** Returns a copy in which the keys of every object are sorted; arrays keep their order. */
function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortedKeys(value[key]);
  return sorted;
}

/** The files to write, `<folder>/<Kind>.<version>.json` -> text, for the served versions of the CRDs. */
function schemaFiles(crds) {
  const files = new Map();
  for (const { object, where } of crds) {
    const spec = object.spec || {};
    const kind = spec.names && spec.names.kind;
    if (typeof kind !== 'string' || !/^[A-Za-z0-9]+$/.test(kind)) throw new InputError(`${where}: spec.names.kind is missing or not a plain name`);
    if (typeof spec.group !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(spec.group)) throw new InputError(`${where}: ${kind} has no spec.group, or not a DNS name`);
    if (!Array.isArray(spec.versions)) throw new InputError(`${where}: ${kind} has no spec.versions (only apiextensions.k8s.io/v1 CRDs are supported)`);
    for (const version of spec.versions) {
      if (!version || version.served !== true) continue;
      if (typeof version.name !== 'string' || !/^[A-Za-z0-9]+$/.test(version.name)) throw new InputError(`${where}: ${kind} has a version without a plain name`);
      const schema = version.schema && version.schema.openAPIV3Schema;
      if (!schema || typeof schema !== 'object') throw new InputError(`${where}: ${kind} ${version.name} has no schema.openAPIV3Schema`);
      const name = `${folderOf(spec.group)}/${kind}.${version.name}.json`;
      if (files.has(name)) throw new InputError(`${where}: ${spec.group} ${kind} ${version.name} is defined twice`);
      files.set(name, `${JSON.stringify(sortedKeys(schema), null, 2)}\n`);
    }
  }
  if (files.size === 0) throw new InputError('no served CRD version found in the input');
  return files;
}

function main(args) {
  const files = schemaFiles(inputFiles(args).flatMap(readCrds));

  const folders = [...new Set([...files.keys()].map(name => path.dirname(name)))].sort();
  for (const folder of folders) {
    const dir = path.join(OUT_DIR, folder);
    fs.mkdirSync(dir, { recursive: true });
    for (const stale of fs.readdirSync(dir).filter(name => name.endsWith('.json'))) fs.rmSync(path.join(dir, stale));
  }
  for (const name of [...files.keys()].sort()) {
    fs.writeFileSync(path.join(OUT_DIR, name), files.get(name));
  }
  console.log(`extract-crd-schemas: wrote ${files.size} schemas to ${path.relative(process.cwd(), OUT_DIR) || '.'}`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  console.error(`extract-crd-schemas: ${error.message}`);
  process.exitCode = 1;
}
