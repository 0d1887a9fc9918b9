import { writeFileSync } from 'fs';
import { join } from 'path';
import { diamondServiceName, generateDiamondSpec, generateDiamondSpecYaml } from '../bench/generate-spec';
import {
  countPaths, ExplainBudgetError, isRouted, MAX_CALL_DEPTH, renderTraceGraph, TooManyPathsError, traceChain, traceGraph, tracedPaths,
  TraceGraph, Visit,
} from '../lib/explain';
import { app, virtualService } from './explain/manifests';
import { runInProcess } from './lint-support/run-in-process';
import { buildChain, tempDir } from './support/manifests';

const GATEWAY_ENTRY = { gateway: 'istio-system/bench-gw', host: 'bench.example.com' };

/** Every visit of a graph, each once. */
function visits(graph: TraceGraph): Visit[] {
  const seen = new Set<Visit>();
  const walk = (visit: Visit) => {
    if (seen.has(visit)) return;
    seen.add(visit);
    for (const call of visit.calls) for (const branch of call.branches) if (isRouted(branch)) walk(branch.visit);
  };
  for (const branch of graph.entry.branches) if (isRouted(branch)) walk(branch.visit);
  return [...seen];
}

function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but none was thrown');
}

function writeSpec(text: string): string {
  const file = join(tempDir('explain-scale-'), 'chain.yaml');
  writeFileSync(file, text);
  return file;
}

describe('explain on a chain of 30 diamonds (2^30 visits of the last service per request)', () => {
  test('traces each service once per lane, keeping the lanes and the entry split', () => {
    const graph = traceChain(buildChain(generateDiamondSpec(30)), GATEWAY_ENTRY);
    expect(graph.entry.branches.map(b => [b.share, isRouted(b) && b.visit.deployment])).toEqual([
      [0.9, 'top-00-v1'], [0.1, 'top-00-v2'],
    ]);
    const all = visits(graph);
    // 91 services in two lanes, each (Deployment, lane header) once
    expect(all).toHaveLength(182);
    for (const visit of all) {
      const lane = visit.forwarded['x-lane'];
      const expected = lane === 'v2' && visit.deployment.startsWith('left-') ? 'v1' : lane;
      expect(visit.deployment.endsWith(`-${expected}`)).toBe(true);
    }
    // the last top is reached by two calls per level above it, yet is one visit per lane
    const lastTop = all.filter(visit => visit.deployment.startsWith(diamondServiceName(30, 'top')));
    expect(lastTop.map(visit => visit.deployment).sort()).toEqual(['top-30-v1', 'top-30-v2']);
    expect(countPaths(graph)).toEqual({ paths: 2n, longest: 2n ** 32n - 3n });
  });

  test('listing its paths stops with a message that points to the trace graph', () => {
    const graph = traceChain(buildChain(generateDiamondSpec(30)), GATEWAY_ENTRY);
    const error = thrownBy(() => tracedPaths(graph));
    expect(error).toBeInstanceOf(TooManyPathsError);
    expect(error.message).toMatch(/too long to list: more than 1000000 hops in all.*--tree/);
  });

  test('on 3 diamonds the shared sub-traces expand to the full paths', () => {
    const paths = tracedPaths(traceChain(buildChain(generateDiamondSpec(3)), GATEWAY_ENTRY));
    expect(paths.map(p => [p.probability, p.path.length])).toEqual([[0.9, 29], [0.1, 29]]);
    const v2 = paths[1].path;
    // depth first: top-00, left-00, then all of top-01 below it, then right-00 and top-01 again
    expect(v2.slice(0, 4)).toEqual(['top-00-v2', 'left-00-v1', 'top-01-v2', 'left-01-v1']);
    expect(v2.filter(name => name === 'top-03-v2')).toHaveLength(8);
    expect(v2.filter(name => name.startsWith('left-'))).toEqual(v2.filter(name => name.startsWith('left-') && name.endsWith('-v1')));
    expect(v2.filter(name => !name.startsWith('left-')).every(name => name.endsWith('-v2'))).toBe(true);
  });
});

describe('shared sub-traces', () => {
  test('are not reused where tracing again would meet a call cycle', () => {
    // a calls x then y. x-v1 calls y, reaching y-v1, whose call back to x fails: no cycle.
    // y-v2 (reached from a) calls x-v1 again with the same headers, but now y is on the call
    // stack, so x-v1's call to y closes a cycle: the first sub-trace of x-v1 must not be reused.
    const manifests = [
      ...app('a', ['v1']), ...app('x', ['v1']), ...app('y', ['v1', 'v2']),
      virtualService('vs-x', {
        hosts: ['x'],
        http: [
          { match: [{ sourceLabels: { app: 'y', version: 'v1' } }], route: [{ destination: { host: 'x', subset: 'v9' } }] },
          { route: [{ destination: { host: 'x', subset: 'v1' } }] },
        ],
      }),
      virtualService('vs-y', {
        hosts: ['y'],
        http: [
          { match: [{ sourceLabels: { app: 'a' } }], route: [{ destination: { host: 'y', subset: 'v2' } }] },
          { route: [{ destination: { host: 'y', subset: 'v1' } }] },
        ],
      }),
    ];
    const paths = tracedPaths(traceGraph(manifests, { host: 'a' }, { callGraph: { a: ['x', 'y'], x: ['y'], y: ['x'] } }));
    expect(paths.map(p => [p.probability, p.path, p.error])).toEqual([[
      1,
      ['a-v1', 'x-v1', 'y-v1', 'y-v2', 'x-v1', 'y-v1'],
      'y-v1 -> x: subset \'v9\' of x.default.svc.cluster.local is not defined in any DestinationRule [VirtualService default/vs-x http[0]]; '
        + 'call cycle: a > y > x > y',
    ]]);
  });
});

describe('the explain budget', () => {
  /** Diamonds whose every route appends to a forwarded header: no two paths share a sub-trace. */
  function growingHeaderDiamonds(levels: number): { manifests: unknown[]; callGraph: Record<string, string[]> } {
    const manifests: unknown[] = [];
    const callGraph: Record<string, string[]> = {};
    const stamp = (name: string) => virtualService(`vs-${name}`, {
      hosts: [name],
      http: [{ headers: { request: { add: { 'x-trail': name } } }, route: [{ destination: { host: name, subset: 'v1' } }] }],
    });
    for (let level = 0; level < levels; level++) {
      for (const part of ['top', 'left', 'right'] as const) {
        const name = diamondServiceName(level, part);
        manifests.push(...app(name, ['v1']), stamp(name));
        callGraph[name] = part === 'top' ? [diamondServiceName(level, 'left'), diamondServiceName(level, 'right')] : [diamondServiceName(level + 1, 'top')];
      }
    }
    manifests.push(...app(diamondServiceName(levels, 'top'), ['v1']));
    return { manifests, callGraph };
  }

  test('stops a trace whose sub-traces cannot be shared, with a message saying why', () => {
    const { manifests, callGraph } = growingHeaderDiamonds(30);
    const error = thrownBy(() => traceGraph(manifests, { host: 'top-00' }, { callGraph, forwardHeaders: ['x-trail'], budget: 5000 }));
    expect(error).toBeInstanceOf(ExplainBudgetError);
    expect(error.message).toMatch(/^explain: the trace needs more than 5000 steps \(calls routed plus Deployments visited\) and was stopped; /);
  });

  test('the same chain within its budget when the header is not forwarded', () => {
    const { manifests, callGraph } = growingHeaderDiamonds(30);
    const graph = traceGraph(manifests, { host: 'top-00' }, { callGraph, budget: 5000 });
    expect(graph.steps).toBeLessThanOrEqual(5000);
    expect(countPaths(graph).longest).toBe(2n ** 32n - 3n);
  });
});

describe('the call depth', () => {
  /** Services s0, s1... each calling the next, without VirtualServices. */
  function line(length: number): { manifests: unknown[]; callGraph: Record<string, string[]> } {
    const manifests: unknown[] = [];
    const callGraph: Record<string, string[]> = {};
    for (let i = 0; i < length; i++) {
      manifests.push(...app(`s${i}`, ['v1']));
      if (i + 1 < length) callGraph[`s${i}`] = [`s${i + 1}`];
    }
    return { manifests, callGraph };
  }

  test('a line of 500 services is traced; one deeper than the limit stops with a message, not a stack overflow', () => {
    const ok = line(500);
    expect(countPaths(traceGraph(ok.manifests, { host: 's0' }, { callGraph: ok.callGraph })))
      .toEqual({ paths: 1n, longest: 500n });
    const deep = line(MAX_CALL_DEPTH + 5);
    expect(() => traceGraph(deep.manifests, { host: 's0' }, { callGraph: deep.callGraph }))
      .toThrow(`explain: calls nest too deep to trace (at most ${MAX_CALL_DEPTH} Deployments, one calling the next)`);
  });
});

describe('service-chain explain at scale', () => {
  test('prints a 30-diamond chain as a trace graph, each visit once', () => {
    const run = runInProcess('explain', writeSpec(generateDiamondSpecYaml(30)));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('The request has up to 2 paths, the longest of 4294967293 hops: '
      + 'too many to list, so each Deployment visit is shown once, as #n, with the calls it makes.');
    expect(lines).toContain('gateway istio-system/bench-gw -> bench.example.com');
    expect(lines.filter(line => /^#\d+ /.test(line))).toHaveLength(182);
    // top-01-v1 is reached from both sides of the first diamond, and defined once
    expect(lines.filter(line => line.startsWith('#7 '))).toEqual(['#7 top-01-v1  x-lane=v1']);
    expect(lines.filter(line => /^ +100\.0% {2}#7 top-01-v1 {2}via /.test(line))).toHaveLength(2);
    expect(lines.filter(line => line.startsWith('#') && line.includes('top-30-'))
      .map(line => line.replace(/^#\d+ /, ''))).toEqual(['top-30-v1  x-lane=v1  (calls nothing)', 'top-30-v2  x-lane=v2  (calls nothing)']);
  });

  test('--tree --json gives the same graph as data', () => {
    const run = runInProcess('explain', writeSpec(generateDiamondSpecYaml(30)), '--tree', '--json');
    expect(run.status).toBe(0);
    const graph = JSON.parse(run.stdout);
    expect(graph.paths).toBe('2');
    expect(graph.longestPath).toBe('4294967293');
    expect(graph.entry.branches.map((b: any) => [b.probability, b.visit])).toEqual([[0.9, 1], [0.1, 2]]);
    expect(graph.visits).toHaveLength(182);
    expect(graph.visits[0]).toMatchObject({ id: 1, deployment: 'top-00-v1', namespace: 'default', headers: { 'x-lane': 'v1' } });
    expect(graph.visits[0].calls.map((c: any) => [c.host, c.branches.map((b: any) => b.visit)])).toEqual([['left-00', [3]], ['right-00', [4]]]);
  });

  test('--json keeps its shape and exits 1 when the paths are too long to list', () => {
    const run = runInProcess('explain', writeSpec(generateDiamondSpecYaml(30)), '--json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: explain: the paths are too long to list: .*; pass --tree --json for the trace graph/);
  });

  test('exits 1 when the budget runs out, naming the option', () => {
    const run = runInProcess('explain', writeSpec(generateDiamondSpecYaml(30)), '--budget', '10');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: explain: the trace needs more than 10 steps .* \(--budget <steps>\)\n$/);
  });

  test('--budget must be a whole number', () => {
    for (const budget of ['0', '-1', '1.5', 'many']) {
      const run = runInProcess('explain', writeSpec(generateDiamondSpecYaml(2)), '--budget', budget);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--budget <steps>.*must be a whole number of steps, at least 1/);
    }
  });

  test('small chains are still listed path by path, and --tree shows them as a graph', () => {
    const spec = writeSpec(generateDiamondSpecYaml(1));
    const listed = runInProcess('explain', spec);
    expect(listed.stdout.split('\n')[0]).toBe('  90.0%  top-00-v1 > left-00-v1 > top-01-v1 > right-00-v1 > top-01-v1');
    const tree = runInProcess('explain', spec, '--tree');
    expect(tree.stdout).toBe(renderTraceGraph(traceChain(buildChain(generateDiamondSpec(1)), GATEWAY_ENTRY)));
    expect(tree.stdout.split('\n').slice(0, 3)).toEqual([
      'gateway istio-system/bench-gw -> bench.example.com',
      '  90.0%  #1 top-00-v1  via VirtualService istio-system/vs-gateway-top-00 http[0] > VirtualService default/vs-top-00 http[0]',
      '  10.0%  #2 top-00-v2  via VirtualService istio-system/vs-gateway-top-00 http[0] > VirtualService default/vs-top-00 http[0]',
    ]);
  });
});
