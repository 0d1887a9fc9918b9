#!/usr/bin/env node
/**
 * Writes schema/chain.schema.json, the JSON Schema of spec files, generated from the
 * TypeScript type ServiceChainProps (lib/props/chain-props.ts) with ts-json-schema-generator.
 *
 *   node scripts/generate-schema.js            write the schema
 *   node scripts/generate-schema.js --check    exit 1 if the committed schema is stale
 *
 * Beyond what the generator does:
 * - `@default` tags written as prose (`@default - none`, `@default - the service name`) are
 *   documentation, not values: their `default` is dropped. Defaults written as enum members
 *   (`@default LaneMode.SOURCE_LABELS`, `@default [TrafficSource.GATEWAY]`) become the member's
 *   value (`"sourceLabels"`, `["gateway"]`); every other default is kept as the generator read it.
 * - `@additionalProperties` is read as a tag, so that a Record type can constrain its values
 *   (the weights: whole numbers from 0 to 100).
 * - The output is deterministic: object keys sorted, two-space indent, trailing newline.
 * - Beside it, schema/chain.validate.js: the validator Ajv compiles from the schema, as
 *   standalone code, so that no process pays the compile (about 100 ms) at run time.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { createGenerator } = require('ts-json-schema-generator');

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(ROOT, 'lib', 'props', 'chain-props.ts');
const TYPE = 'ServiceChainProps';
const OUT = path.join(ROOT, 'schema', 'chain.schema.json');
const VALIDATOR_OUT = path.join(ROOT, 'schema', 'chain.validate.js');

/** How the validator checks: every error reported, with the failing schema; infinities and NaN are no numbers; a field may be a number or a string (`maxUnavailable: 1` or `"25%"`). */
const AJV_OPTIONS = { allErrors: true, verbose: true, strictNumbers: true, allowUnionTypes: true, code: { source: true, lines: true } };

/** Maps `Enum.MEMBER` to the member's value, for every string or number enum of the files given. */
function enumMembers(files) {
  const members = new Map();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    source.forEachChild(node => {
      if (!ts.isEnumDeclaration(node)) return;
      for (const member of node.members) {
        const init = member.initializer;
        if (init && (ts.isStringLiteral(init) || ts.isNumericLiteral(init))) {
          members.set(`${node.name.text}.${member.name.getText(source)}`, ts.isStringLiteral(init) ? init.text : Number(init.text));
        }
      }
    });
  }
  return members;
}

/**
 * The value a `@default` tag really means: `undefined` for prose (`- none`), the value of an
 * enum member or of a list of them, else the default unchanged.
 */
function realDefault(value, members) {
  if (typeof value !== 'string') return value;
  if (value.startsWith('- ')) return undefined;
  const list = /^\[(.*)\]$/.exec(value.trim());
  const names = (list ? list[1] : value).split(',').map(name => name.trim()).filter(name => name !== '');
  if (names.length > 0 && names.every(name => members.has(name))) {
    const values = names.map(name => members.get(name));
    return list ? values : values[0];
  }
  return value;
}

/** Rewrites every `default` of a schema tree, dropping the prose ones. */
function fixDefaults(node, members) {
  if (Array.isArray(node)) return node.map(item => fixDefaults(item, members));
  if (node === null || typeof node !== 'object') return node;
  const result = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'default') {
      const real = realDefault(value, members);
      if (real !== undefined) result.default = real;
    } else {
      result[key] = fixDefaults(value, members);
    }
  }
  return result;
}

/** Sorts object keys at every depth; arrays keep their order (enum order is meaningful). */
function sortKeys(node) {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.keys(node).sort().map(key => [key, sortKeys(node[key])]));
}

/** The schema text, as it is committed. */
function generateSchemaText() {
  const generator = createGenerator({
    path: SOURCE,
    type: TYPE,
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    skipTypeCheck: true,
    extraTags: ['additionalProperties'],
  });
  const schema = generator.createSchema(TYPE);
  const libFiles = fs.readdirSync(path.join(ROOT, 'lib', 'props'))
    .filter(name => name.endsWith('.ts'))
    .map(name => path.join(ROOT, 'lib', 'props', name));
  return `${JSON.stringify(sortKeys(fixDefaults(schema, enumMembers(libFiles))), null, 2)}\n`;
}

/** The standalone validator module for a schema text, as it is committed. */
function generateValidatorText(schemaText) {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const ajv = new Ajv(AJV_OPTIONS);
  const code = standaloneCode(ajv, ajv.compile(JSON.parse(schemaText)));
  return `// Generated by scripts/generate-schema.js from schema/chain.schema.json. Do not edit.\n${code}\n`;
}

function main(args) {
  const schemaText = generateSchemaText();
  const outputs = [[OUT, schemaText], [VALIDATOR_OUT, generateValidatorText(schemaText)]];
  if (args.includes('--check')) {
    for (const [file, text] of outputs) {
      const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (committed !== text) {
        process.stderr.write(`${path.relative(ROOT, file)} is stale; run \`npx projen schema\` and commit it\n`);
        process.exitCode = 1;
      }
    }
    return;
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  for (const [file, text] of outputs) {
    fs.writeFileSync(file, text);
    process.stdout.write(`wrote ${path.relative(ROOT, file)}\n`);
  }
}

module.exports = { generateSchemaText, generateValidatorText, realDefault, SCHEMA_FILE: OUT, VALIDATOR_FILE: VALIDATOR_OUT };

if (require.main === module) main(process.argv.slice(2));
