import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ROOT } from './support/bundle';
import { cli as cliProcess, CliRun } from './support/cli';
import { tempDir } from './support/manifests';
import { runInProcess } from './support/run-in-process';
import { listFiles } from '../lib/output/drift';

/*
 * The service-chain command, checked by its exit code, its standard output and its standard
 * error. Most tests run it in this process through the exported `run()`, from the repository
 * root; the smoke tests at the end start it as a user does, as a separate node process.
 */

/** Runs `service-chain <args>` in this process, from the repository root. */
const cli = (...args: string[]): CliRun => runInProcess(args, ROOT);

const example = (name: string) => join('examples', `${name}.yaml`);
const snapshotDir = (dir: string) => Object.fromEntries(listFiles(dir).map(p => [p, readFileSync(join(dir, p), 'utf8')]));

function badSpec(text: string): string {
  const path = join(tempDir('spec-'), 'bad.yaml');
  writeFileSync(path, text);
  return path;
}

describe('service-chain', () => {
  test('--version prints the package version', () => {
    const run = cli('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('with no arguments prints the usage on stderr and exits 2', () => {
    const run = cli();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: service-chain /);
    expect(run.stderr).toMatch(/synth \[options\] <specs\.\.\.>/);
  });

  test.each(['synth', 'explain', 'graph', 'validate'])('%s --help describes the command and exits 0', command => {
    const run = cli(command, '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Usage: service-chain ${command}`));
  });

  test.each([
    ['an unknown command', ['deploy']],
    ['a missing argument', ['synth']],
    ['an unknown option', ['synth', example('seed-weighted'), '--fast']],
    ['a layout that does not exist', ['synth', example('seed-weighted'), '--layout', 'flat']],
    ['a graph format that does not exist', ['graph', example('seed-weighted'), '--format', 'svg']],
    ['a header without =', ['explain', example('seed-weighted'), '--header', 'version']],
    ['--from together with --gateway', ['explain', example('seed-weighted'), '--from', 'curl', '--gateway', 'a/b']],
    ['--namespace without --from', ['explain', example('seed-weighted'), '--namespace', 'shop']],
    ['--namespace that is no namespace name', ['explain', example('seed-weighted'), '--from', 'curl', '--namespace', 'Shop!']],
  ])('exits 2 on %s', (_, args) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('synth', () => {
  test('examples/seed-weighted.yaml writes what main.ts writes to dist/', () => {
    const out = join(tempDir(), 'out');
    const run = cli('synth', example('seed-weighted'), '-o', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/wrote 3 files/);
    const dist = snapshotDir(join(ROOT, 'dist'));
    expect(snapshotDir(out)).toEqual({ 'routing.yaml': dist['routing.yaml'], 'v1.yaml': dist['v1.yaml'], 'v2.yaml': dist['v2.yaml'] });
  });

  test('examples/seed-headers.yaml in the gitops layout writes what main.ts writes to gitops/seed-headers/', () => {
    const out = join(tempDir(), 'out');
    expect(cli('synth', example('seed-headers'), '--layout', 'gitops', '-o', out).status).toBe(0);
    expect(snapshotDir(out)).toEqual(snapshotDir(join(ROOT, 'gitops', 'seed-headers')));
  });

  test('--layout gitops writes every object once, with a kustomization', () => {
    const out = join(tempDir(), 'out');
    expect(cli('synth', example('seed-weighted'), '-o', out, '--layout', 'gitops').status).toBe(0);
    expect(listFiles(out)).toEqual(['kustomization.yaml', 'routing.yaml', 'services.yaml', 'v1.yaml', 'v2.yaml']);
  });

  test('several specs go to sub-folders named after their files', () => {
    const out = join(tempDir(), 'out');
    expect(cli('synth', example('seed-weighted'), example('fan-out'), '-o', out).status).toBe(0);
    expect(listFiles(out)).toEqual([
      'fan-out/routing.yaml', 'fan-out/v1.yaml', 'fan-out/v2.yaml',
      'seed-weighted/routing.yaml', 'seed-weighted/v1.yaml', 'seed-weighted/v2.yaml',
    ]);
  });

  test('the committed gitops/ folder is what a fresh synth of the examples writes', () => {
    const specs = readdirSync(join(ROOT, 'examples')).filter(file => file.endsWith('.yaml')).sort().map(file => join('examples', file));
    expect(specs).toContain(example('adopt-services'));
    const run = cli('synth', ...specs, '--layout', 'gitops', '-o', 'gitops', '--check');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  describe('--check', () => {
    /** A folder freshly synthesised from examples/seed-weighted.yaml. */
    function synthesised(): string {
      const out = join(tempDir(), 'out');
      expect(cli('synth', example('seed-weighted'), '-o', out).status).toBe(0);
      return out;
    }

    test('exits 0 when the folder is up to date', () => {
      const out = synthesised();
      const run = cli('synth', example('seed-weighted'), '-o', out, '--check');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/up to date/);
    });

    test('exits 1 listing changed, missing and extra files, and writes nothing', () => {
      const out = synthesised();
      writeFileSync(join(out, 'routing.yaml'), 'edited by hand\n');
      writeFileSync(join(out, 'notes.yaml'), 'kind: Note\n');
      const before = snapshotDir(out);
      const run = cli('synth', example('seed-headers'), '-o', out, '--check');
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/changed: routing\.yaml/);
      expect(run.stderr).toMatch(/extra: {3}notes\.yaml/);
      expect(run.stderr).not.toMatch(/v1\.yaml/);
      expect(snapshotDir(out)).toEqual(before);
    });

    test('lists files the folder lacks', () => {
      const run = cli('synth', example('seed-weighted'), '-o', join(tempDir(), 'nothing-here'), '--check');
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/missing: v1\.yaml/);
    });
  });

  describe('atomicity', () => {
    test('a spec that fails mid-synth leaves the old output byte-identical', () => {
      const out = join(tempDir(), 'out');
      expect(cli('synth', example('seed-weighted'), example('fan-out'), '-o', out).status).toBe(0);
      const before = snapshotDir(out);
      // the first spec synthesises, the second fails: nothing may be written
      const broken = badSpec(readFileSync(join(ROOT, example('fan-out')), 'utf8').replace('v1: 95, v2: 5', 'v1: 95, v2: 6'));
      const run = cli('synth', example('seed-headers'), broken, '-o', out);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/add up to 101/);
      expect(snapshotDir(out)).toEqual(before);
      expect(listFiles(join(out, '..'))).toEqual(listFiles(out).map(p => `out/${p}`));
    });
  });

  test('a spec error names the file, line and path, with no stack trace', () => {
    const spec = badSpec(readFileSync(join(ROOT, example('seed-weighted')), 'utf8').replace('  - name: appb\n', '  - name: appb\n    calls: [appz]\n'));
    const run = cli('synth', spec, '-o', join(tempDir(), 'out'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+.*services\[1\]\.calls\[0\].*"appz"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a spec that does not exist is an error, exit 1', () => {
    const run = cli('synth', 'examples/nope.yaml');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nope\.yaml/);
  });

  test('the same spec synthesised twice gives byte-identical output', () => {
    const [first, second] = [join(tempDir(), 'a'), join(tempDir(), 'b')];
    expect(cli('synth', example('header-lanes'), '-o', first, '--layout', 'gitops').status).toBe(0);
    expect(cli('synth', example('header-lanes'), '-o', second, '--layout', 'gitops').status).toBe(0);
    expect(snapshotDir(second)).toEqual(snapshotDir(first));
    expect(Object.keys(snapshotDir(first))).toHaveLength(5);
  });

  test('lane gaps are reported as warnings on stderr', () => {
    const spec = badSpec(readFileSync(join(ROOT, example('header-lanes')), 'utf8').replace('laneMode: header', 'laneMode: sourceLabels'));
    const run = cli('synth', spec, '-o', join(tempDir(), 'out'));
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^warning: lane "v2" cannot pass "cart"/m);
  });
});

describe('explain', () => {
  test('--json prints the path distribution of gateway traffic', () => {
    const run = cli('explain', example('seed-weighted'), '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { probability: 0.9, path: ['appa-v2', 'appb-v2'] },
      { probability: 0.1, path: ['appa-v1', 'appb-v1'] },
    ]);
  });

  test('--header picks the version the header routes to', () => {
    const run = cli('explain', example('seed-headers'), '--gateway', 'istio-system/app-gw', '--host', '192.168.1.106', '--header', 'version=v2', '--json');
    expect(JSON.parse(run.stdout)).toEqual([{ probability: 1, path: ['appa-v2', 'appb-v2'] }]);
  });

  test('--from traces a request from a pod in the mesh', () => {
    const run = cli('explain', example('seed-weighted'), '--from', 'curl', '--json');
    expect(JSON.parse(run.stdout)).toEqual([{ probability: 1, path: ['appa-v1', 'appb-v1'] }]);
  });

  test('--from callers are in the chain\'s namespace unless --namespace says otherwise: a short host is read there', () => {
    // A mesh caller outside any lane goes to the baseline (v1) of each service, as the FQDN gives.
    const inChain = cli('explain', example('header-lanes'), '--from', 'curl', '--host', 'web', '--json');
    expect(JSON.parse(inChain.stdout)).toEqual([{ probability: 1, path: ['web-v1', 'cart-v1', 'payment-v1'] }]);
    expect(JSON.parse(inChain.stdout)).toEqual(JSON.parse(cli('explain', example('header-lanes'), '--from', 'curl', '--json').stdout));
    const elsewhere = cli('explain', example('header-lanes'), '--from', 'curl', '--host', 'web', '--namespace', 'default', '--json');
    expect(JSON.parse(elsewhere.stdout)).toEqual([{ probability: 1, path: [], error: "mesh caller -> web: unknown host 'web': no Service of that name" }]);
  });

  test('the lane crosses a service that lacks its version in header mode', () => {
    const run = cli('explain', example('header-lanes'), '--json');
    expect(JSON.parse(run.stdout)).toEqual([
      { probability: 0.9, path: ['web-v2', 'cart-v1', 'payment-v2'] },
      { probability: 0.1, path: ['web-v1', 'cart-v1', 'payment-v1'] },
    ]);
  });

  test('--uri is matched against the root\'s URI prefix', () => {
    const spec = badSpec(readFileSync(join(ROOT, example('seed-weighted')), 'utf8').replace('  service: appa\n', '  service: appa\n  uriPrefix: /shop/\n'));
    expect(JSON.parse(cli('explain', spec, '--uri', '/shop/cart', '--json').stdout)).toEqual([
      { probability: 0.9, path: ['appa-v2', 'appb-v2'] },
      { probability: 0.1, path: ['appa-v1', 'appb-v1'] },
    ]);
    const outside = JSON.parse(cli('explain', spec, '--uri', '/admin', '--json').stdout);
    expect(outside).toHaveLength(1);
    expect(outside[0].path).toEqual([]);
    expect(outside[0].error).toMatch(/no|404/i);
  });

  test('prints a readable table with the rule that decided each hop', () => {
    const run = cli('explain', example('seed-weighted'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}90\.0% {2}appa-v2 > appb-v2$/m);
    expect(run.stdout).toMatch(/appb-v2 {2}via VirtualService default\/vs-appb http\[1\]/);
  });
});

describe('graph', () => {
  test('draws Mermaid with the entry weights and the lanes', () => {
    const run = cli('graph', example('seed-weighted'));
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('flowchart LR');
    // Nodes are numbered in drawing order: gateway n0, mesh n1, appa-v1 n2, appa-v2 n3, appb-v1 n4, appb-v2 n5.
    expect(run.stdout).toMatch(/ n2\["appa-v1 \(baseline\)"\]\n +n3\["appa-v2"\]/);
    expect(run.stdout).toMatch(/n0 -- "10%" --> n2/);
    expect(run.stdout).toMatch(/n0 -- "90%" --> n3/);
    expect(run.stdout).toMatch(/n1 -- "100%" --> n2/);
    expect(run.stdout).toMatch(/n3 -- "lane v2" --> n5/);
  });

  test('shows fallbacks as dotted edges, and the lane going on after them in header mode', () => {
    const run = cli('graph', example('header-lanes'));
    // gateway n0, mesh n1, web-v1 n2, web-v2 n3, cart-v1 n4, payment-v1 n5, payment-v2 n6.
    expect(run.stdout).toMatch(/ n4\["cart-v1 \(baseline\)"\]\n +end\n +subgraph s2 \["payment"\]\n +n5\["payment-v1 \(baseline\)"\]\n +n6\["payment-v2"\]/);
    expect(run.stdout).toMatch(/n3 -\. "lane v2 \(fallback\)" \.-> n4/);
    expect(run.stdout).toMatch(/n4 -- "lane v2" --> n6/);
    expect(run.stdout).toMatch(/n0 -- "x-lane = v2, cookie lane = v2, 90%" --> n3/);
  });

  test('--format dot draws Graphviz', () => {
    const run = cli('graph', example('fan-out'), '--format', 'dot');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^digraph chain \{/);
    // gateway n0, mesh n1, frontend-v1 n2, frontend-v2 n3, catalog-v1 n4.
    expect(run.stdout).toMatch(/ n2 \[label="frontend-v1", shape=box, peripheries=2\];/);
    expect(run.stdout).toMatch(/ n4 \[label="catalog-v1", shape=box, peripheries=2\];/);
    expect(run.stdout).toMatch(/n2 -> n4 \[label="lane v1"\];/);
  });
});

describe('validate', () => {
  test.each([
    [['dist/v1.yaml', 'dist/v2.yaml', 'dist/routing.yaml']],
    [['dist']],
    ...['fan-out', 'header-lanes', 'seed-headers', 'seed-weighted'].map(name => [[`gitops/${name}`]]),
  ])('accepts the committed manifests of one scenario: %s', paths => {
    const run = cli('validate', ...paths);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  test('two scenarios applied together conflict, and it says where', () => {
    const run = cli('validate', 'gitops/seed-weighted', 'gitops/seed-headers');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/VirtualService default\/vs-appa/);
  });

  test('exits 1 with one finding per line, naming the file and the object', () => {
    const dir = tempDir('manifests-');
    mkdirSync(join(dir, 'routing'));
    writeFileSync(join(dir, 'routing', 'vs.yaml'), [
      'apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'metadata: { name: vs-cart }',
      'spec:', '  hosts: [cart]', '  http:', '    - route: [{ destination: { host: cart, subset: v9 } }]',
    ].join('\n'));
    const run = cli('validate', dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/routing\/vs\.yaml: VirtualService default\/vs-cart: .*v9/);
  });
});

describe('as a separate process', () => {
  test('--version prints the package version and exits 0', () => {
    const run = cliProcess('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('with no arguments prints the usage on stderr and exits 2', () => {
    const run = cliProcess();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: service-chain /);
  });

  test('synth writes what main.ts writes to dist/', () => {
    const out = join(tempDir(), 'out');
    const run = cliProcess('synth', example('seed-weighted'), '-o', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const dist = snapshotDir(join(ROOT, 'dist'));
    expect(snapshotDir(out)).toEqual({ 'routing.yaml': dist['routing.yaml'], 'v1.yaml': dist['v1.yaml'], 'v2.yaml': dist['v2.yaml'] });
  });

  test('a spec error exits 1 with the file, line and path on stderr, and no stack trace', () => {
    const spec = badSpec(readFileSync(join(ROOT, example('seed-weighted')), 'utf8').replace('  - name: appb\n', '  - name: appb\n    calls: [appz]\n'));
    const run = cliProcess('synth', spec, '-o', join(tempDir(), 'out'));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+.*services\[1\]\.calls\[0\].*"appz"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('explain --json prints the paths on stdout', () => {
    const run = cliProcess('explain', example('seed-weighted'), '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { probability: 0.9, path: ['appa-v2', 'appb-v2'] },
      { probability: 0.1, path: ['appa-v1', 'appb-v1'] },
    ]);
  });
});
