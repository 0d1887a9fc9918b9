import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { findDrift, renderYaml, writeFilesAtomically } from '../lib';
import { listFiles } from '../lib/output/write';
import { inReadingOrder } from '../lib/output/yaml';
import { tempDir } from './support/manifests';

describe('writeFilesAtomically', () => {
  const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map(p => [p, readFileSync(join(dir, p), 'utf8')]));

  test('replaces the folder with exactly the files given', () => {
    const out = join(tempDir(), 'out');
    mkdirSync(join(out, 'retired'), { recursive: true });
    writeFileSync(join(out, 'retired', 'v0.yaml'), 'old');
    writeFilesAtomically(out, [{ path: 'v1.yaml', content: 'a: 1\n' }, { path: 'sub/routing.yaml', content: 'b: 2\n' }]);
    expect(snapshot(out)).toEqual({ 'sub/routing.yaml': 'b: 2\n', 'v1.yaml': 'a: 1\n' });
  });

  test('a failure halfway through leaves the old folder byte-identical and no temporary folder behind', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    writeFilesAtomically(out, [{ path: 'v1.yaml', content: 'kept\n' }]);
    const files = [
      { path: 'v1.yaml', content: 'new\n' },
      { path: 'v1.yaml/cannot-be-inside-a-file.yaml', content: 'x' },
    ];
    expect(() => writeFilesAtomically(out, files)).toThrow();
    expect(snapshot(out)).toEqual({ 'v1.yaml': 'kept\n' });
    expect(readdirSync(parent)).toEqual(['out']);
  });

  test('refuses paths that leave the output folder, before writing anything', () => {
    const out = join(tempDir(), 'out');
    expect(() => writeFilesAtomically(out, [{ path: '../escape.yaml', content: 'x' }])).toThrow(/leaves the output folder/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('findDrift', () => {
  test('lists changed, added and removed files', () => {
    const out = join(tempDir(), 'out');
    writeFilesAtomically(out, [{ path: 'same.yaml', content: 's' }, { path: 'edited.yaml', content: 'old' }, { path: 'gone.yaml', content: 'g' }]);
    expect(findDrift(out, [{ path: 'same.yaml', content: 's' }, { path: 'edited.yaml', content: 'new' }, { path: 'new.yaml', content: 'n' }]))
      .toEqual({ changed: ['edited.yaml'], added: ['new.yaml'], removed: ['gone.yaml'] });
  });
});

describe('renderYaml', () => {
  test('writes identity first and conditions before actions, whatever the input order', () => {
    const object = { spec: { http: [{ route: [{ weight: 10, destination: { subset: 'v1', host: 'a' } }], match: [{}] }] }, metadata: { labels: { tier: 'blue' }, name: 'web' }, kind: 'K', apiVersion: 'v' };
    expect(Object.keys(inReadingOrder(object) as object)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(renderYaml([object])).toBe([
      'apiVersion: v', 'kind: K', 'metadata:', '  name: web', '  labels:', '    tier: blue', 'spec:', '  http:',
      '    - match:', '        - {}', '      route:', '        - destination:', '            host: a', '            subset: v1',
      '          weight: 10', '',
    ].join('\n'));
  });

  test('separates documents with --- and quotes strings that kubectl (YAML 1.1) would misread', () => {
    expect(renderYaml([{ a: '1.0' }, { b: 'yes', c: 'on', d: '1:20', e: 'v1' }])).toBe('a: "1.0"\n---\nb: "yes"\nc: "on"\nd: "1:20"\ne: v1\n');
  });
});
