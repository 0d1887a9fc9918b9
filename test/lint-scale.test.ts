import { spawnSync } from 'child_process';
import { chmodSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { Finding, formatFindings, lintPaths, loadManifests, MAX_MANIFEST_BYTES, MAX_MANIFEST_DEPTH } from '../lib/lint';
import { runInProcess } from './lint-support/run-in-process';
import { formatRelative, writeFiles } from './lint-support/write-files';
import { bundle } from './support/bundle';

/* validate on hostile or large input: what it refuses to read, and how it reports at scale. */

const configMap = (name: string, data = 'v') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: ${data}\n`;

/** The files the manifests came from, relative to a folder, and the findings formatted the same way. */
function load(folder: string, paths: string[] = [folder]): { files: string[]; lines: string[] } {
  const { manifests, findings } = loadManifests(paths);
  return { files: manifests.map(m => relative(folder, m.file)), lines: formatRelative(findings, folder) };
}

describe('validate reads regular files only, each of bounded size', () => {
  test('a file over the size limit is a finding, refused from its size before it is read', () => {
    const folder = writeFiles({ 'small.yaml': configMap('small') });
    writeFileSync(join(folder, 'big.yaml'), '');
    truncateSync(join(folder, 'big.yaml'), MAX_MANIFEST_BYTES + 1024 * 1024);
    expect(MAX_MANIFEST_BYTES).toBe(8 * 1024 * 1024);
    expect(load(folder)).toEqual({
      files: ['small.yaml'],
      lines: ['big.yaml: is 9.0 MB; a manifest file may be at most 8.0 MB: split it, or check that this is the right file'],
    });
  });

  test('/dev/zero named directly is a finding, not an endless read', () => {
    const { manifests, findings } = loadManifests(['/dev/zero']);
    expect(manifests).toEqual([]);
    expect(findings).toEqual([{ file: '/dev/zero', object: '', message: 'is a device, not a regular file; only regular files are read' }]);
  });

  test('a pipe, named directly or found in a folder, is a finding and is never waited on', () => {
    const folder = writeFiles({ 'a.yaml': configMap('a') });
    const made = spawnSync('mkfifo', [join(folder, 'pipe.yaml')]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    const message = 'pipe.yaml: is a pipe (FIFO), not a regular file; only regular files are read';
    expect(load(folder)).toEqual({ files: ['a.yaml'], lines: [message] });
    expect(load(folder, [join(folder, 'pipe.yaml')]).lines).toEqual([message]);
  });

  test('text that is not UTF-8 is a finding', () => {
    const folder = writeFiles({});
    writeFileSync(join(folder, 'latin1.yaml'), Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: caf\xe9 }\n', 'latin1'));
    expect(load(folder).lines).toEqual(['latin1.yaml: is not UTF-8 text; manifests are read as UTF-8']);
  });
});

describe('validate never follows a symbolic link out of a folder it was given', () => {
  function setUp(): { outside: string; folder: string } {
    const outside = writeFiles({
      'secret.yaml': 'SECRET-CONTENT-LINE\n',
      'dir/also-secret.yaml': 'ANOTHER-SECRET\n',
    });
    const folder = writeFiles({ 'a.yaml': configMap('a'), 'sub/b.yaml': configMap('b') });
    symlinkSync(join(outside, 'secret.yaml'), join(folder, 'leak.yaml'));
    symlinkSync(join(outside, 'dir'), join(folder, 'leak-dir'));
    symlinkSync(join(folder, 'sub', 'b.yaml'), join(folder, 'inside.yaml'));
    symlinkSync(join(folder, 'sub'), join(folder, 'inside-dir'));
    writeFileSync(join(folder, '..dots.yml'), configMap('dots'));
    symlinkSync(join(folder, '..dots.yml'), join(folder, 'dots-link.yaml'));
    return { outside, folder };
  }

  test('links out are findings and are not read; links inside are followed', () => {
    const { folder } = setUp();
    const { files, lines } = load(folder);
    // sub/ is the folder inside-dir/ leads to, so it is read once, by the name met first
    // dots-link.yaml leads to ..dots.yml, inside the folder despite its name (itself skipped: it starts with a dot)
    expect(files).toEqual(['a.yaml', 'dots-link.yaml', join('inside-dir', 'b.yaml'), 'inside.yaml']);
    expect(lines).toEqual([
      `leak-dir: is a symbolic link to a place outside ${folder}; not followed (name that place itself to validate it)`,
      `leak.yaml: is a symbolic link to a place outside ${folder}; not followed (name that place itself to validate it)`,
    ]);
  });

  test('the command prints nothing of what lies outside', () => {
    const { folder } = setUp();
    const run = runInProcess('validate', folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/leak\.yaml: is a symbolic link to a place outside/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/SECRET/);
  });

  test('a link named directly is read: whoever named it chose it', () => {
    const { folder } = setUp();
    const { files, lines } = load(folder, [join(folder, 'leak.yaml')]);
    expect(files).toEqual([]);
    expect(lines).toEqual(['leak.yaml: document 1: is not a Kubernetes object: expected a mapping with apiVersion and kind, found "SECRET-CONTENT-LINE"']);
  });
});

describe('what cannot be read becomes a finding for that file or folder, and the rest is read', () => {
  test('an unreadable sub-folder and an unreadable file', () => {
    const folder = writeFiles({ 'a.yaml': configMap('a'), 'locked/b.yaml': configMap('b'), 'secret.yaml': configMap('c') });
    chmodSync(folder, 0o755);
    chmodSync(join(folder, 'locked'), 0o000);
    chmodSync(join(folder, 'secret.yaml'), 0o000);
    try {
      const { files, findings } = loadAsUnprivileged([folder]);
      expect(files.map(file => relative(folder, file))).toEqual(['a.yaml']);
      expect(findings).toEqual([
        { file: join(folder, 'locked'), object: '', message: 'cannot be read: permission denied' },
        { file: join(folder, 'secret.yaml'), object: '', message: 'cannot be read: permission denied' },
      ]);
    } finally {
      chmodSync(join(folder, 'locked'), 0o755);
    }
  });

  test('nesting deeper than the limit, whether the parser overflows or not, in YAML and in JSON', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const folder = writeFiles({
      'deep.yaml': `${configMap('before')}---\nkind: ${nested(100_000)}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata: { k: ${nested(MAX_MANIFEST_DEPTH + 10)} }\n---\n${configMap('after')}`,
      'deep.json': `{"apiVersion": "v1", "kind": "ConfigMap", "data": ${nested(100_000)}}`,
    });
    const tooDeep = `nests lists and mappings more than ${MAX_MANIFEST_DEPTH} levels deep; no Kubernetes object needs that many`;
    expect(load(folder)).toEqual({
      files: ['deep.yaml', 'deep.yaml'],
      lines: [`deep.json: document 1: ${tooDeep}`, `deep.yaml: document 2: ${tooDeep}`, `deep.yaml: document 3: ${tooDeep}`],
    });
  });

  test('YAML aliases that expand past the size of the file, or nest into an alias bomb', () => {
    const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big }\n';
    const folder = writeFiles({
      // 50 aliases of a 2000-item list: 100,000 values from about 6,000 characters
      'wide.yaml': `${head}a: &a [${Array.from({ length: 2000 }, () => 'x').join(',')}]\nb: [${Array.from({ length: 50 }, () => '*a').join(', ')}]\n`,
      // aliases of aliases: 400 expansions
      'bomb.yaml': `${head}a: &a [x, x]\nb: &b [${Array.from({ length: 20 }, () => '*a').join(', ')}]\nc: [${Array.from({ length: 20 }, () => '*b').join(', ')}]\n`,
    });
    const { files, lines } = load(folder);
    expect(files).toEqual([]);
    expect(lines).toEqual([
      'bomb.yaml: document 1: cannot be read: Excessive alias count indicates a resource exhaustion attack',
      expect.stringMatching(/^wide\.yaml: document 1: its YAML aliases expand to more than \d+ values; write the values out$/),
    ]);
  });
});

describe('validate at scale', () => {
  test('4,000 copies of one object, a few of them different: one finding per copy, each naming three others and counting the rest', () => {
    const copies = Array.from({ length: 1000 }, () => configMap('settings')).join('---\n');
    const folder = writeFiles({
      'a.yaml': copies,
      'b.yaml': copies,
      'c.yaml': copies,
      'd.yaml': `${configMap('settings', 'changed')}---\n${Array.from({ length: 999 }, () => configMap('settings')).join('---\n')}`,
    });
    const { manifests, findings } = loadManifests([folder]);
    expect(manifests).toHaveLength(4000);
    const run = runInProcess('validate', folder);
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('error: 4000 finding(s):');
    expect(lines).toHaveLength(1 + 100 + 1);
    expect(lines[1]).toBe(`${join(folder, 'a.yaml')}: ConfigMap default/settings: is defined differently in ${join(folder, 'd.yaml')} (document 1); only the one applied last survives`);
    expect(lines[101]).toBe('... and 3900 more findings');
    expect(findings).toEqual([]);
    const changed = lintPaths([join(folder, 'd.yaml'), join(folder, 'a.yaml')]).filter(f => f.file.endsWith('d.yaml') && f.index === 0);
    expect(changed.map(f => f.message)).toEqual([`is defined differently in ${join(folder, 'd.yaml')} (document 2), `
      + `${join(folder, 'd.yaml')} (document 3), ${join(folder, 'd.yaml')} (document 4) and 1996 more; only the one applied last survives`]);
  });

  test('findings are printed up to the limit, then counted', () => {
    const findings: Finding[] = Array.from({ length: 103 }, (_, i) => ({ file: `f${i}.yaml`, object: '', message: 'm' }));
    expect(formatFindings(findings)).toHaveLength(101);
    expect(formatFindings(findings).slice(99)).toEqual(['f99.yaml: m', '... and 3 more findings']);
    expect(formatFindings(findings.slice(0, 100))).toHaveLength(100);
    expect(formatFindings(findings, 102)[102]).toBe('... and 1 more finding');
  });

  test('nothing to validate exits 1 and says so', () => {
    const folder = writeFiles({ 'notes.txt': 'not a manifest', 'kustomization.yaml': 'resources: []\n' });
    const run = runInProcess('validate', folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`error: nothing to validate: no Kubernetes object was found in ${folder} (.yaml, .yml and .json files are read in folders)\n`);
  });

  test('findings and nothing to validate are both reported', () => {
    const folder = writeFiles({ 'broken.yaml': 'kind: [\n' });
    const run = runInProcess('validate', folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: 1 finding\(s\):\n.*broken\.yaml: document 1: does not parse as YAML: .*\nnothing to validate: /);
  });

  test('a clean folder says how many objects were checked', () => {
    const folder = writeFiles({ 'a.yaml': `${configMap('a')}---\n${configMap('b')}` });
    const run = runInProcess('validate', folder);
    expect(run).toEqual({ status: 0, stdout: `no findings in ${folder} (2 objects)\n`, stderr: '' });
  });
});

/**
 * loadManifests as a user for whom file modes apply: in this process, or, when the tests run
 * as root (who reads everything whatever the modes say), in a child process as `nobody`.
 */
function loadAsUnprivileged(paths: string[]): { files: string[]; findings: Finding[] } {
  if (process.getuid?.() !== 0) {
    const { manifests, findings } = loadManifests(paths);
    return { files: manifests.map(m => m.file), findings };
  }
  const result = spawnSync(process.execPath, [bundle('test/lint-support/load-entry.ts'), ...paths], { uid: 65534, gid: 65534, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the unprivileged run failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}
