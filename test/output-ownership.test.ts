import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { OWNERSHIP_FILE, writeFilesAtomically } from '../lib';
import { ROOT } from './support/bundle';
import { tempDir } from './support/manifests';
import { runInProcess } from './support/run-in-process';
import { listFiles } from '../lib/output/drift';

/*
 * The writer removes only what it wrote. Every refusal exits 1, names the path and says
 * why, and leaves the folder exactly as it was. The command runs in this process
 * (`run()` of cli/main.ts), from a scratch copy of a spec.
 */

const SEED = join(ROOT, 'examples', 'seed-weighted.yaml');

/** Every entry under `dir` with its content (files) or a marker (folders), bookkeeping included. */
function everything(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(join(dir, relative))) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (statSync(join(dir, path)).isDirectory()) {
        entries[`${path}/`] = 'folder';
        walk(path);
      } else {
        entries[path] = readFileSync(join(dir, path), 'utf8');
      }
    }
  };
  walk('');
  return entries;
}

/** A scratch project: a folder with a spec in it, and nothing else. */
function project(): { dir: string; spec: string } {
  const dir = tempDir('project-');
  copyFileSync(SEED, join(dir, 'shop.yaml'));
  return { dir, spec: 'shop.yaml' };
}

describe('synth refuses output folders it does not own, and changes nothing', () => {
  test.each([
    ['.', /\. is the current folder/],
    ['./', /is the current folder/],
    ['', /the output folder is an empty path/],
  ])('-o %j', (output, message) => {
    const { dir, spec } = project();
    const before = everything(dir);
    const run = runInProcess(['synth', spec, '-o', output], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: refusing to write to/);
    expect(run.stderr).toMatch(message);
    expect(everything(dir)).toEqual(before);
  });

  test('-o .. (an ancestor of the current folder)', () => {
    const { dir, spec } = project();
    const inner = join(dir, 'sub');
    mkdirSync(inner);
    copyFileSync(join(dir, spec), join(inner, spec));
    const before = everything(dir);
    const run = runInProcess(['synth', spec, '-o', '..'], inner);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\.\. \(.*\) holds the current folder/);
    expect(everything(dir)).toEqual(before);
  });

  test('the folder that holds the spec', () => {
    const { dir } = project();
    mkdirSync(join(dir, 'specs'));
    copyFileSync(SEED, join(dir, 'specs', 'shop.yaml'));
    const before = everything(dir);
    const run = runInProcess(['synth', 'specs/shop.yaml', '-o', 'specs'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/specs holds specs\/shop\.yaml, which is being synthesised/);
    expect(everything(dir)).toEqual(before);
  });

  test('a file', () => {
    const { dir, spec } = project();
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    const run = runInProcess(['synth', spec, '-o', 'notes.txt'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/notes\.txt: is a file, not a folder/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  test('a folder of someone else\'s files, and a project folder, each file named', () => {
    const { dir, spec } = project();
    const foreign = join(dir, 'foreign');
    mkdirSync(join(foreign, '.git'), { recursive: true });
    writeFileSync(join(foreign, 'package.json'), '{}');
    writeFileSync(join(foreign, 'v1.yaml'), 'kind: Mine\n');
    const before = everything(dir);
    const run = runInProcess(['synth', spec, '-o', 'foreign'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/foreign holds files service-chain did not write/);
    expect(run.stderr).toMatch(/\.git \(a git repository: this is a project folder\)/);
    expect(run.stderr).toMatch(/package\.json \(an npm project: this is a project folder\)/);
    expect(run.stderr).toMatch(/v1\.yaml/);
    expect(everything(dir)).toEqual(before);
  });

  test('a file added by hand to a folder it wrote, which it never removes', () => {
    const { dir, spec } = project();
    expect(runInProcess(['synth', spec, '-o', 'out'], dir).status).toBe(0);
    writeFileSync(join(dir, 'out', 'extra.yaml'), 'kind: Mine\n');
    const before = everything(dir);
    const run = runInProcess(['synth', spec, '-o', 'out'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`out holds files service-chain did not write \\(they are not listed in ${OWNERSHIP_FILE.replace(/\./g, '\\.')}\\): extra\\.yaml`));
    expect(everything(dir)).toEqual(before);
  });

  test('a file it wrote that was edited since, unless --force', () => {
    const { dir, spec } = project();
    expect(runInProcess(['synth', spec, '-o', 'out'], dir).status).toBe(0);
    const written = readFileSync(join(dir, 'out', 'routing.yaml'), 'utf8');
    writeFileSync(join(dir, 'out', 'routing.yaml'), 'edited by hand\n');
    const before = everything(dir);
    const refused = runInProcess(['synth', spec, '-o', 'out'], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/out holds files service-chain wrote that were edited since: routing\.yaml\. .*--force/);
    expect(everything(dir)).toEqual(before);

    const forced = runInProcess(['synth', spec, '-o', 'out', '--force'], dir);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'routing.yaml'), 'utf8')).toBe(written);
  });

  test('--force never touches files it did not write', () => {
    const { dir, spec } = project();
    expect(runInProcess(['synth', spec, '-o', 'out'], dir).status).toBe(0);
    writeFileSync(join(dir, 'out', 'notes.yaml'), 'mine\n');
    expect(runInProcess(['synth', spec, '-o', 'out', '--force'], dir).status).toBe(1);
    expect(readFileSync(join(dir, 'out', 'notes.yaml'), 'utf8')).toBe('mine\n');
  });

  test('a sub-folder of another output, pointing to the folder that owns it', () => {
    const { dir, spec } = project();
    copyFileSync(join(dir, spec), join(dir, 'cart.yaml'));
    expect(runInProcess(['synth', spec, 'cart.yaml', '-o', 'out'], dir).status).toBe(0);
    const run = runInProcess(['synth', spec, '-o', 'out/shop'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/out\/shop is part of the output written to .*out \(listed in .*out\/\.service-chain\.sha256\); synth into .*out instead/);
  });

  test('a folder every user can write to, such as the system temporary folder', () => {
    const { dir, spec } = project();
    mkdirSync(join(dir, 'shared'));
    chmodSync(join(dir, 'shared'), 0o1777);
    const run = runInProcess(['synth', spec, '-o', 'shared'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/shared: is a folder every user can write to \(mode 1777\), so another user could change it while it is written/);
    expect(readdirSync(join(dir, 'shared'))).toEqual([]);
  });

  // making a folder of another user takes root
  (process.getuid!() === 0 ? test : test.skip)('a folder another user made in a folder every user can write to, where it may be a trap', () => {
    const { dir, spec } = project();
    mkdirSync(join(dir, 'tmp'));
    chmodSync(join(dir, 'tmp'), 0o1777);
    mkdirSync(join(dir, 'tmp', 'out'));
    chownSync(join(dir, 'tmp', 'out'), 4242, 4242);
    const run = runInProcess(['synth', spec, '-o', 'tmp/out'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/tmp\/out: was made by another user \(uid 4242\) in .*tmp, which every user can write to, so it may be a trap/);
    expect(readdirSync(join(dir, 'tmp', 'out'))).toEqual([]);
    // a folder of one's own there is fine
    expect(runInProcess(['synth', spec, '-o', 'tmp/mine'], dir).status).toBe(0);
  });

  test('a symbolic link inside it, which is never followed', () => {
    const out = join(tempDir(), 'out');
    const elsewhere = tempDir('elsewhere-');
    writeFileSync(join(elsewhere, 'v1.yaml'), 'not the writer\'s\n');
    writeFilesAtomically(out, [{ path: 'shop/v1.yaml', content: 'a\n' }]);
    rmSync(join(out, 'shop'), { recursive: true });
    symlinkSync(elsewhere, join(out, 'shop'));
    expect(() => writeFilesAtomically(out, [{ path: 'shop/v1.yaml', content: 'b\n' }])).toThrow(/holds files service-chain did not write .*: shop \(a symbolic link\)/);
    expect(readFileSync(join(elsewhere, 'v1.yaml'), 'utf8')).toBe('not the writer\'s\n');
  });

  test('a symbolic link to nothing', () => {
    const { dir, spec } = project();
    symlinkSync(join(dir, 'missing'), join(dir, 'out'));
    const run = runInProcess(['synth', spec, '-o', 'out'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/out: is a symbolic link to nothing/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});

test('--check reports a folder whose synth was interrupted', () => {
  const { dir, spec } = project();
  expect(runInProcess(['synth', spec, '-o', 'out'], dir).status).toBe(0);
  expect(runInProcess(['synth', spec, '-o', 'out', '--check'], dir).status).toBe(0);
  // what a synth killed halfway leaves beside the files (the crash tests make real ones)
  writeFileSync(join(dir, 'out', '.service-chain.journal'), '{}');
  const run = runInProcess(['synth', spec, '-o', 'out', '--check'], dir);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/interrupted: a synth into it was interrupted; run synth without --check to finish or undo it/);
});

describe('what synth does write', () => {
  test('a missing folder is created, parents included', () => {
    const { dir, spec } = project();
    const run = runInProcess(['synth', spec, '-o', 'deep/er/out'], dir);
    expect(run.status).toBe(0);
    expect(listFiles(join(dir, 'deep/er/out'))).toEqual(['routing.yaml', 'v1.yaml', 'v2.yaml']);
  });

  test('a symbolic link to a folder is written through: the files land in the target, the link stays', () => {
    const { dir, spec } = project();
    mkdirSync(join(dir, 'real'));
    symlinkSync('real', join(dir, 'out'));
    expect(runInProcess(['synth', spec, '-o', 'out'], dir).status).toBe(0);
    expect(listFiles(join(dir, 'real'))).toEqual(['routing.yaml', 'v1.yaml', 'v2.yaml']);
    expect(readdirSync(dir).sort()).toEqual(['out', 'real', 'shop.yaml']);
    expect(runInProcess(['synth', spec, '-o', 'out'], dir).status).toBe(0);
  });

  test('the folder keeps its mode, setgid bit and group; new files and folders take the group', () => {
    const out = tempDir('team-');
    // root gives the folder a group of its own, as for `2770 root:team`; others keep theirs
    const group = process.getuid!() === 0 ? 4242 : process.getgid!();
    chownSync(out, process.getuid!(), group);
    chmodSync(out, 0o2770);
    writeFilesAtomically(out, [{ path: 'v1.yaml', content: 'a\n' }, { path: 'shop/v1.yaml', content: 'b\n' }]);
    writeFilesAtomically(out, [{ path: 'v1.yaml', content: 'changed\n' }, { path: 'shop/v1.yaml', content: 'b\n' }]);
    const folder = statSync(out);
    expect((folder.mode & 0o7777).toString(8)).toBe('2770');
    expect(folder.gid).toBe(group);
    for (const path of ['v1.yaml', 'shop', 'shop/v1.yaml', OWNERSHIP_FILE]) expect({ path, gid: statSync(join(out, path)).gid }).toEqual({ path, gid: group });
  });

  test('a replaced file keeps the mode it had', () => {
    const out = join(tempDir(), 'out');
    writeFilesAtomically(out, [{ path: 'v1.yaml', content: 'a\n' }]);
    chmodSync(join(out, 'v1.yaml'), 0o640);
    // the ownership list still matches: only the mode changed
    writeFilesAtomically(out, [{ path: 'v1.yaml', content: 'b\n' }]);
    expect((statSync(join(out, 'v1.yaml')).mode & 0o777).toString(8)).toBe('640');
    expect(readFileSync(join(out, 'v1.yaml'), 'utf8')).toBe('b\n');
  });
});
