/*
 * The floor of the benchmark: writes the same documents as the CLI did, with nothing but
 * cdk8s and yaml. `node build/bench/floor.js <documents.json> <outdir>`: one App, one Chart
 * per file, one raw ApiObject per document; each chart's JSON rendered as YAML into its file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { stringify } from 'yaml';
import { WrittenFile } from './documents';

function writeFloor(inputPath: string, outdir: string): void {
  const files: WrittenFile[] = JSON.parse(readFileSync(inputPath, 'utf8'));
  const app = new App();
  const charts = files.map((file, i) => {
    const chart = new Chart(app, `file${i}`);
    file.documents.forEach((document, j) => new ApiObject(chart, `doc${j}`, document as any));
    return { path: file.path, chart };
  });
  for (const { path, chart } of charts) {
    const text = chart.toJson()
      .map(document => stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }))
      .join('---\n');
    const target = join(outdir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

const [inputPath, outdir] = process.argv.slice(2);
if (!inputPath || !outdir) {
  process.stderr.write('usage: node build/bench/floor.js <documents.json> <outdir>\n');
  process.exitCode = 2;
} else {
  writeFloor(inputPath, outdir);
}
