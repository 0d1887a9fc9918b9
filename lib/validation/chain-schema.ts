import * as fs from 'fs';
import * as path from 'path';

/** Where the spec's JSON Schema lives, relative to the project root. */
export const CHAIN_SCHEMA_FILE = path.join('schema', 'chain.schema.json');

/**
 * The project root: the nearest folder above `start` holding package.json. The code runs from
 * lib/ under ts-jest and from build/ once bundled by esbuild, so files that ship beside the code,
 * such as the schema, are found from the project, not from this file.
 */
export function projectRoot(start: string = __dirname): string {
  let folder = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(folder, 'package.json'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`no package.json in ${start} or above it, so ${CHAIN_SCHEMA_FILE} cannot be found`);
    folder = parent;
  }
}

let cached: object | undefined;

/** The JSON Schema of the chain props and spec files (schema/chain.schema.json), read once. */
export function chainSchema(): object {
  cached ??= JSON.parse(fs.readFileSync(path.join(projectRoot(), CHAIN_SCHEMA_FILE), 'utf8')) as object;
  return cached;
}
