import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { findDrift, OWNERSHIP_FILE, OutputRefusedError, renderYaml, writeFilesAtomically } from '../lib';
import { tempDir } from './support/manifests';
import { listFiles } from '../lib/output/drift';
import { inReadingOrder } from '../lib/output/yaml';

const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map(p => [p, readFileSync(join(dir, p), 'utf8')]));
const sha256Lines = (dir: string) => readFileSync(join(dir, OWNERSHIP_FILE), 'utf8').split('\n').filter(line => line !== '' && !line.startsWith('#'));

describe('writeFilesAtomically', () => {
  test('writes exactly the files given into a new folder, and lists them with their sha256 in the ownership file', () => {
    const out = join(tempDir(), 'a', 'out');
    const result = writeFilesAtomically(out, [{ path: 'v1.yaml', content: 'a: 1\n' }, { path: 'sub/routing.yaml', content: 'b: 2\n' }]);
    expect(snapshot(out)).toEqual({ 'sub/routing.yaml': 'b: 2\n', 'v1.yaml': 'a: 1\n' });
    expect(sha256Lines(out)).toEqual([
      // `printf 'b: 2\n' | sha256sum` and `printf 'a: 1\n' | sha256sum`
      'd4eed209fa44e2eb45f5dbe26726d1985cef0bc7b9a2c923a8d7e8003662234e  sub/routing.yaml',
      '37b128c59f1f5097f73f82691cb519f1f568667faab5ced1b4ab979d36837eae  v1.yaml',
    ]);
    expect(readdirSync(out).sort()).toEqual([OWNERSHIP_FILE, 'sub', 'v1.yaml']);
    expect(result).toEqual({ written: 2, unchanged: 0, removed: 0 });
  });

  test('an empty folder is written into', () => {
    const out = tempDir();
    writeFilesAtomically(out, [{ path: 'v1.yaml', content: 'a: 1\n' }]);
    expect(snapshot(out)).toEqual({ 'v1.yaml': 'a: 1\n' });
  });

  test('a second write replaces changed files, keeps unchanged ones untouched, and removes only files of its own that are gone', () => {
    const out = join(tempDir(), 'out');
    writeFilesAtomically(out, [
      { path: 'same.yaml', content: 's\n' }, { path: 'edit.yaml', content: 'old\n' },
      { path: 'gone.yaml', content: 'g\n' }, { path: 'retired/v0.yaml', content: 'r\n' }, { path: 'kept/v1.yaml', content: 'k\n' },
      { path: 'kept/v0.yaml', content: 'k0\n' },
    ]);
    const sameInode = statSync(join(out, 'same.yaml')).ino;
    const result = writeFilesAtomically(out, [
      { path: 'same.yaml', content: 's\n' }, { path: 'edit.yaml', content: 'new\n' }, { path: 'kept/v1.yaml', content: 'k\n' }, { path: 'added.yaml', content: 'a\n' },
    ]);
    expect(snapshot(out)).toEqual({ 'added.yaml': 'a\n', 'edit.yaml': 'new\n', 'kept/v1.yaml': 'k\n', 'same.yaml': 's\n' });
    expect(existsSync(join(out, 'retired'))).toBe(false);
    expect(statSync(join(out, 'same.yaml')).ino).toBe(sameInode);
    expect(result).toEqual({ written: 2, unchanged: 2, removed: 3 });
    expect(sha256Lines(out).map(line => line.slice(66))).toEqual(['added.yaml', 'edit.yaml', 'kept/v1.yaml', 'same.yaml']);
  });

  test('an error halfway through puts every file back byte for byte and leaves nothing of its own behind', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    writeFilesAtomically(out, [{ path: 'v1.yaml', content: 'kept\n' }, { path: 'v2.yaml', content: 'kept too\n' }]);
    const before = { files: snapshot(out), ownership: readFileSync(join(out, OWNERSHIP_FILE), 'utf8') };
    let replaced = 0;
    const failAfterOneFile = (step: string) => {
      if (step === 'replaced-file' && ++replaced === 1) throw new Error('disk full (simulated)');
    };
    const files = [{ path: 'v1.yaml', content: 'new\n' }, { path: 'v2.yaml', content: 'new too\n' }, { path: 'sub/v3.yaml', content: 'added\n' }];
    expect(() => writeFilesAtomically(out, files, { onStep: failAfterOneFile })).toThrow('disk full (simulated)');
    expect(replaced).toBe(1);
    expect({ files: snapshot(out), ownership: readFileSync(join(out, OWNERSHIP_FILE), 'utf8') }).toEqual(before);
    expect(readdirSync(out).sort()).toEqual([OWNERSHIP_FILE, 'v1.yaml', 'v2.yaml']);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  test.each([
    ['../escape.yaml', /leaves the output folder/],
    ['/etc/passwd', /is absolute/],
    ['a//b.yaml', /empty or "\." segment/],
    ['./v1.yaml', /empty or "\." segment/],
    ['.hidden/v1.yaml', /hidden name "\.hidden"/],
    ['.service-chain.sha256', /hidden name/],
    ['', /is empty/],
    ['line\nbreak.yaml', /control character/],
  ])('refuses the file path %j before writing anything', (path, message) => {
    const out = join(tempDir(), 'out');
    expect(() => writeFilesAtomically(out, [{ path, content: 'x' }])).toThrow(message);
    expect(existsSync(out)).toBe(false);
  });

  test('two files claiming one path, and a file where another needs a folder, are refused naming both', () => {
    const out = join(tempDir(), 'out');
    const attempt = () => writeFilesAtomically(out, [
      { path: 'shop/v1.yaml', content: 'a', origin: 'a/shop.yaml' },
      { path: 'shop/v1.yaml', content: 'b', origin: 'b/shop.yaml' },
      { path: 'v1.yaml', content: 'c', origin: 'c.yaml' },
      { path: 'v1.yaml/x.yaml', content: 'd', origin: 'd.yaml' },
    ]);
    expect(attempt).toThrow(OutputRefusedError);
    expect(attempt).toThrow(/"shop\/v1\.yaml" is claimed twice, by a\/shop\.yaml and by b\/shop\.yaml/);
    expect(attempt).toThrow(/"v1\.yaml" is a file \(from c\.yaml\), but "v1\.yaml\/x\.yaml" \(from d\.yaml\) needs it to be a folder/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('findDrift', () => {
  test('lists changed, added and removed files, the ownership file among them', () => {
    const out = join(tempDir(), 'out');
    writeFilesAtomically(out, [{ path: 'same.yaml', content: 's' }, { path: 'edited.yaml', content: 'old' }, { path: 'gone.yaml', content: 'g' }]);
    expect(findDrift(out, [{ path: 'same.yaml', content: 's' }, { path: 'edited.yaml', content: 'new' }, { path: 'new.yaml', content: 'n' }]))
      .toEqual({ changed: ['edited.yaml', OWNERSHIP_FILE], added: ['new.yaml'], removed: ['gone.yaml'] });
  });

  test('a folder without its ownership file is out of date even when the manifests match', () => {
    const out = tempDir();
    writeFileSync(join(out, 'v1.yaml'), 'a');
    expect(findDrift(out, [{ path: 'v1.yaml', content: 'a' }])).toEqual({ changed: [], added: [OWNERSHIP_FILE], removed: [] });
  });
});

describe('listFiles', () => {
  test('lists output files only: the writer\'s bookkeeping is left out', () => {
    const out = tempDir();
    mkdirSync(join(out, 'sub'));
    for (const name of ['v1.yaml', 'sub/v2.yaml', OWNERSHIP_FILE, '.service-chain.lock', 'notes.txt']) writeFileSync(join(out, name), '');
    expect(listFiles(out)).toEqual(['notes.txt', 'sub/v2.yaml', 'v1.yaml']);
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
