import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../project-root';

/** Where the spec's JSON Schema lives, relative to the project root. */
export const CHAIN_SCHEMA_FILE = path.join('schema', 'chain.schema.json');

let cached: object | undefined;

/** The JSON Schema of the chain props and spec files (schema/chain.schema.json), read once. */
export function chainSchema(): object {
  cached ??= JSON.parse(fs.readFileSync(path.join(projectRoot(), CHAIN_SCHEMA_FILE), 'utf8')) as object;
  return cached;
}
