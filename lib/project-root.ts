import * as fs from 'fs';
import * as path from 'path';

/**
 * The project root: the nearest folder above `start` holding package.json. The code runs
 * from lib/ under ts-jest and from build/ once bundled by esbuild, so files that ship beside
 * the code (the JSON schemas in schema/) are found from the project, not from this file.
 */
export function projectRoot(start: string = __dirname): string {
  let folder = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(folder, 'package.json'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`no package.json in ${start} or above it, so the schema/ folder cannot be found`);
    folder = parent;
  }
}
