import { spawn, spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { hostname } from 'os';
import { join } from 'path';
import { OWNERSHIP_FILE, RenderedFile, writeFilesAtomically } from '../lib';
import { bundle, ROOT } from './support/bundle';
import { tempDir } from './support/manifests';
import { listFiles } from '../lib/output/drift';
import { ownedFilesOf, renderOwnedFiles } from '../lib/output/ownership';
import { recoverInterruptedWrite } from '../lib/output/swap-journal';

/*
 * Crash safety: a writer killed with SIGKILL at every step of a write leaves the old
 * files, the new ones, or a journal from which the next run puts back one or the other;
 * a lock keeps two writers out of one folder, and a dead writer's lock is taken over.
 */

const OLD: RenderedFile[] = [
  { path: 'v1.yaml', content: 'old v1\n' }, { path: 'v2.yaml', content: 'same\n' },
  { path: 'gone.yaml', content: 'removed by the new write\n' }, { path: 'retired/v0.yaml', content: 'old v0\n' },
];
const NEW: RenderedFile[] = [
  { path: 'v1.yaml', content: 'new v1\n' }, { path: 'v2.yaml', content: 'same\n' }, { path: 'shop/v3.yaml', content: 'added\n' },
];
const LOCK = '.service-chain.lock';

const contents = (files: RenderedFile[]) => Object.fromEntries([...files].sort((a, b) => a.path.localeCompare(b.path)).map(f => [f.path, f.content]));
const onDisk = (dir: string) => Object.fromEntries(listFiles(dir).map(path => [path, readFileSync(join(dir, path), 'utf8')]));
const ownership = (dir: string) => readFileSync(join(dir, OWNERSHIP_FILE), 'utf8');

/** The steps a write of NEW over OLD goes through, recorded in this process. */
function stepsOfTheWrite(): string[] {
  const out = join(tempDir(), 'out');
  writeFilesAtomically(out, OLD);
  const steps: string[] = [];
  writeFilesAtomically(out, NEW, { onStep: step => steps.push(step) });
  return steps;
}

describe('a writer killed at each step of a write', () => {
  const crashWriter = bundle('test/support/crash-writer.ts');
  const steps = stepsOfTheWrite();
  const filesJson = join(tempDir(), 'new.json');
  writeFileSync(filesJson, JSON.stringify(NEW));

  test('goes through every step, replacing the two changed files one by one', () => {
    expect(steps).toEqual(['journaled', 'staged', 'replaced-file', 'replaced-file', 'removed-old', 'committed', 'cleaned']);
  });

  test.each(steps.map((step, index) => [index, step]))('killed at step %i (%s): the next run puts back the old files or finishes the new ones', index => {
    const out = join(tempDir(), 'out');
    writeFilesAtomically(out, OLD);
    const child = spawnSync('node', [crashWriter, out, filesJson, String(index)], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    // each file is always whole: the old content or the new one
    for (const [path, text] of Object.entries(onDisk(out))) {
      expect([contents(OLD)[path], contents(NEW)[path]]).toContain(text);
    }

    const committed = index >= steps.indexOf('committed');
    const outcome = recoverInterruptedWrite(out);
    expect(outcome).toBe(index === steps.indexOf('cleaned') ? undefined : committed ? 'finished' : 'undone');
    const expected = committed ? NEW : OLD;
    expect(onDisk(out)).toEqual(contents(expected));
    expect(ownership(out)).toBe(renderOwnedFiles(ownedFilesOf(expected)));
    // only the dead writer's lock is left, and the next write takes it over
    expect(readdirSync(out).filter(name => name.startsWith('.')).sort()).toEqual([LOCK, OWNERSHIP_FILE]);
    writeFilesAtomically(out, NEW);
    expect(onDisk(out)).toEqual(contents(NEW));
    expect(readdirSync(out).filter(name => name.startsWith('.'))).toEqual([OWNERSHIP_FILE]);
  });

  test('the next write recovers on its own before it writes', () => {
    const out = join(tempDir(), 'out');
    writeFilesAtomically(out, OLD);
    expect(spawnSync('node', [crashWriter, out, filesJson, String(steps.indexOf('staged') + 1)]).signal).toBe('SIGKILL');
    const result = writeFilesAtomically(out, OLD);
    expect(result.recovered).toBe('undone');
    expect(onDisk(out)).toEqual(contents(OLD));
  });
});

describe('the lock', () => {
  test('a live writer\'s lock is refused with its pid, and nothing changes', () => {
    const out = join(tempDir(), 'out');
    writeFilesAtomically(out, OLD);
    // pid 1 always runs
    writeFileSync(join(out, LOCK), `pid 1\nhost ${hostname()}\ntoken t\n`);
    expect(() => writeFilesAtomically(out, NEW)).toThrow(/is being written by another service-chain synth \(pid 1 on .*\); wait for it to finish\. If no such process runs, remove .*\.service-chain\.lock/);
    expect(onDisk(out)).toEqual(contents(OLD));
    expect(readFileSync(join(out, LOCK), 'utf8')).toBe(`pid 1\nhost ${hostname()}\ntoken t\n`);
  });

  test('a lock from another host is never taken over, since its process cannot be checked', () => {
    const out = join(tempDir(), 'out');
    writeFilesAtomically(out, OLD);
    writeFileSync(join(out, LOCK), 'pid 4\nhost elsewhere.example\ntoken t\n');
    expect(() => writeFilesAtomically(out, NEW)).toThrow(/pid 4 on elsewhere\.example/);
  });

  test('a dead writer\'s lock is taken over', () => {
    const out = join(tempDir(), 'out');
    writeFilesAtomically(out, OLD);
    const dead = spawnSync('true').pid;
    writeFileSync(join(out, LOCK), `pid ${dead}\nhost ${hostname()}\ntoken t\n`);
    writeFilesAtomically(out, NEW);
    expect(onDisk(out)).toEqual(contents(NEW));
    expect(existsSync(join(out, LOCK))).toBe(false);
  });

  test('two synths started together into one folder: each finishes or is refused by the lock, and the folder is whole', async () => {
    const cli = bundle('cli/main.ts');
    const out = join(tempDir(), 'out');
    const synth = () => new Promise<{ status: number | null; stderr: string }>(resolve => {
      const child = spawn('node', [cli, 'synth', 'examples/seed-weighted.yaml', 'examples/fan-out.yaml', '-o', out], { cwd: ROOT });
      let stderr = '';
      child.stderr.on('data', chunk => { stderr += chunk; });
      child.on('close', status => resolve({ status, stderr }));
    });
    const runs = await Promise.all([synth(), synth()]);
    for (const run of runs) {
      if (run.status !== 0) expect(run.stderr).toMatch(/is being written by another service-chain synth/);
    }
    expect(runs.some(run => run.status === 0)).toBe(true);
    expect(listFiles(out)).toEqual(['fan-out/routing.yaml', 'fan-out/v1.yaml', 'fan-out/v2.yaml', 'seed-weighted/routing.yaml', 'seed-weighted/v1.yaml', 'seed-weighted/v2.yaml']);
    expect(readdirSync(out).filter(name => name.startsWith('.'))).toEqual([OWNERSHIP_FILE]);
  }, 30_000); // two node processes, each about 0.3 s alone: jest's 5 s is too short on a busy machine
});
