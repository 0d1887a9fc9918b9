import { LaneMode, ServiceChainProps } from '../lib';
import { chainGraph } from '../lib/graph/chain-graph';
import { toDot, toMermaid } from '../lib/graph/draw';
import { resolveChain } from '../lib/model/chain-model';

/** web -> cart -> pay, where cart has no v2: the two lane modes draw different lanes after the gap. */
const props = (laneMode: LaneMode): ServiceChainProps => ({
  laneMode,
  defaults: { image: 'registry.example.com/app:1.0' },
  services: [
    { name: 'web', calls: ['cart'], versions: { v1: {}, v2: {} } },
    { name: 'cart', calls: ['pay'], versions: { v1: {} } },
    { name: 'pay', versions: { v1: {}, v2: {} } },
  ],
  entry: {
    service: 'web',
    gateways: ['edge/public'],
    hosts: ['shop.example.com'],
    headerRoutes: [{ header: 'x-tenant', prefix: 'beta-', version: 'v2' }],
    gatewayWeights: { v2: 10, v1: 90 },
    meshWeights: { v1: 100, v2: 0 },
  },
});
const edgesOf = (laneMode: LaneMode) => chainGraph(resolveChain(props(laneMode))).edges
  .map(e => `${e.from} ${e.fallback ? '-.->' : '-->'} ${e.to}: ${e.label}`);

test('entry edges carry header rules and non-zero weights in version order', () => {
  expect(edgesOf(LaneMode.HEADER).slice(0, 4)).toEqual([
    'source:gateway --> web/v2: x-tenant ^= beta-, 10%',
    'source:gateway --> web/v1: 90%',
    'source:mesh --> web/v1: 100%',
    'web/v1 --> cart/v1: lane v1',
  ]);
});

test('in header mode the lane goes on after the fallback', () => {
  expect(edgesOf(LaneMode.HEADER).slice(3)).toEqual([
    'web/v1 --> cart/v1: lane v1',
    'cart/v1 --> pay/v1: lane v1',
    'web/v2 -.-> cart/v1: lane v2',
    'cart/v1 --> pay/v2: lane v2',
  ]);
});

test('in sourceLabels mode the lane becomes the baseline\'s after the fallback', () => {
  expect(edgesOf(LaneMode.SOURCE_LABELS).slice(3)).toEqual([
    'web/v1 --> cart/v1: lane v1',
    'cart/v1 --> pay/v1: lane v1',
    'web/v2 -.-> cart/v1: lane v2',
  ]);
});

test('Mermaid and DOT mark baselines and draw fallbacks dotted or dashed', () => {
  // Nodes are numbered in drawing order: gateway n0, mesh n1, web-v1 n2, web-v2 n3, cart-v1 n4.
  const graph = chainGraph(resolveChain(props(LaneMode.HEADER)));
  expect(toMermaid(graph)).toContain('    n4["cart-v1 (baseline)"]\n');
  expect(toMermaid(graph)).toContain('  n3 -. "lane v2 (fallback)" .-> n4\n');
  expect(toDot(graph)).toContain('    n4 [label="cart-v1", shape=box, peripheries=2];\n');
  expect(toDot(graph)).toContain('  n3 -> n4 [label="lane v2 (fallback)", style=dashed];\n');
});

test('node ids stay unique when names would run together (x--y/z and x/y--z)', () => {
  const graph = chainGraph(resolveChain({
    defaults: { image: 'registry.example.com/app:1.0' },
    services: [
      { name: 'x', calls: ['x--y'], versions: { 'y--z': {} } },
      { name: 'x--y', versions: { z: {} } },
    ],
    entry: { service: 'x', meshWeights: { 'y--z': 100 } },
  }));
  const ids = graph.services.flatMap(s => s.versions.map(v => v.id));
  expect(ids).toEqual(['x/y--z', 'x--y/z']);
  const mermaid = toMermaid(graph);
  expect(mermaid).toContain('    n1["x-y--z (baseline)"]\n');
  expect(mermaid).toContain('    n2["x--y-z (baseline)"]\n');
  expect(mermaid).toContain('  n1 -. "lane y--z (fallback)" .-> n2\n');
});
