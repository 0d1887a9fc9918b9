import { execFileSync, spawnSync } from 'child_process';
import { cpSync, readFileSync, symlinkSync } from 'fs';
import { join } from 'path';
import { buildSync } from 'esbuild';
import { OWNERSHIP_FILE } from '../../lib';
import { listFiles } from '../../lib/output/drift';
import { ROOT } from '../support/bundle';
import { HAS_KUBECTL } from '../support/kubectl';
import { tempDir } from '../support/manifests';

/*
 * Every command in the README's `sh` blocks runs word for word, with a shell, in a copy of
 * the repository (its node_modules linked, its CLI bundled as `npm ci` bundles it), and
 * exits 0. The commands that need a cluster, the network or the test run itself are listed
 * below with the reason; a command in neither list fails the test, so none is forgotten.
 *
 * npm takes a second or two to start on a busy machine, so `npx service-chain` is checked
 * once, in the checkout, to run its bin/service-chain, and the shell then runs the commands
 * with a function `npx` that starts that file directly.
 */

/** Commands run as they are, by how they start. */
const RUN = ['npx service-chain ', 'npm run synth', 'kubectl kustomize '];

/** Commands not run here, by how they start, and why. */
const NOT_RUN: Record<string, string> = {
  'npm ci': 'installs from the network; the copy uses this checkout\'s node_modules',
  'npm test': 'is the unit test run',
  'npx projen test:integration': 'is the test run this test belongs to',
  'kubectl apply ': 'needs a cluster',
  'npx projen import': 'regenerates the Istio bindings from crds/; the CRD-drift test checks they are current',
  'npm install ': 'installs from the npm registry; test/integration/package.test.ts installs the packed package offline instead',
  'npx istio-service-chain ': 'runs the published package; test/integration/package.test.ts runs the packed one',
};

/** The commands of the README's `sh` blocks: one per line, `&&` chains split, comments dropped. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map(match => match[1]);
  return blocks.flatMap(block => block.split('\n'))
    .map(line => line.replace(/\s+#.*$/, '').trim())
    .filter(line => line !== '' && !line.startsWith('#'))
    .flatMap(line => line.split('&&').map(command => command.trim()));
}

const commands = readmeCommands();
const toRun = commands.filter(command => RUN.some(start => command.startsWith(start)));

test('every command of the README is either run here or listed with the reason it is not', () => {
  const known = (command: string) => [...RUN, ...Object.keys(NOT_RUN)].some(start => command.startsWith(start));
  const unknown = commands.filter(command => !known(command));
  expect(unknown).toEqual([]);
  expect(toRun.length).toBeGreaterThanOrEqual(10);
  expect(toRun).toContain('npx service-chain synth examples/seed-weighted.yaml -o dist --check');
});

describe('in a copy of the repository', () => {
  const copy = join(tempDir('readme-'), 'repo');
  // Left out: what npm, the build, git and mutation runs keep (none of it is the project's own).
  cpSync(ROOT, copy, { recursive: true, filter: source => !/\/(node_modules|build|\.git|\.stryker-tmp|reports)$/.test(source) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  buildSync({ entryPoints: [join(ROOT, 'cli/main.ts')], bundle: true, platform: 'node', target: 'node20', packages: 'external', outfile: join(copy, 'build/tsc/cli/main.js'), logLevel: 'warning' });
  const outputs = (root: string) => Object.fromEntries(['dist', 'gitops'].flatMap(dir =>
    [...listFiles(join(root, dir)), OWNERSHIP_FILE].map(path => [`${dir}/${path}`, readFileSync(join(root, dir, path), 'utf8')])));
  const projectFiles = () => listFiles(copy).filter(path => !path.startsWith('build/') && !path.startsWith('node_modules'));
  const before = projectFiles();

  test('npx service-chain runs the command of this checkout, bin/service-chain', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    // In the checkout itself: npm reads the tree from node_modules/.package-lock.json there, where in
    // the copy (node_modules linked) it would walk the whole tree, which takes seconds.
    const run = spawnSync('npx', ['--offline', 'service-chain', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout.trim()).toBe(version);
    expect(execFileSync('node', ['bin/service-chain', '--version'], { cwd: copy, encoding: 'utf8' }).trim()).toBe(version);
  });

  const NPX_SERVICE_CHAIN = 'npx() { if [ "$1" = service-chain ]; then shift; node bin/service-chain "$@"; else command npx "$@"; fi; }';

  test.each(toRun.filter(command => HAS_KUBECTL || !command.startsWith('kubectl')))('%s', command => {
    const run = spawnSync('sh', ['-c', `${NPX_SERVICE_CHAIN}\n${command}`], { cwd: copy, encoding: 'utf8' });
    expect({ command, status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ command, status: 0, stderr: '' });
  });

  test('they leave dist/ and gitops/ as committed, and add no file to the project', () => {
    expect(outputs(copy)).toEqual(outputs(ROOT));
    expect(projectFiles()).toEqual(before);
    expect(execFileSync('node', [join(copy, 'build/tsc/cli/main.js'), 'synth', 'examples/seed-weighted.yaml', '-o', 'dist', '--check'], { cwd: copy, encoding: 'utf8' })).toMatch(/up to date/);
  });
});
