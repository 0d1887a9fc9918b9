import { LaneMode, ServiceChainProps } from '../lib';
import { resolveChain } from '../lib/model/chain-model';
import { chainGraph } from '../lib/graph/chain-graph';
import { toDot, toMermaid } from '../lib/graph/render';

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
    service: 'web', gateways: ['edge/public'], hosts: ['shop.example.com'],
    headerRoutes: [{ header: 'x-tenant', prefix: 'beta-', version: 'v2' }],
    gatewayWeights: { v2: 10, v1: 90 }, meshWeights: { v1: 100, v2: 0 },
  },
});
const edgesOf = (laneMode: LaneMode) => chainGraph(resolveChain(props(laneMode))).edges
  .map(e => `${e.from} ${e.fallback ? '-.->' : '-->'} ${e.to}: ${e.label}`);

test('entry edges carry header rules and non-zero weights in version order', () => {
  expect(edgesOf(LaneMode.HEADER).slice(0, 4)).toEqual([
    'source_gateway --> web__v2: x-tenant ^= beta-, 10%',
    'source_gateway --> web__v1: 90%',
    'source_mesh --> web__v1: 100%',
    'web__v1 --> cart__v1: lane v1',
  ]);
});

test('in header mode the lane goes on after the fallback', () => {
  expect(edgesOf(LaneMode.HEADER).slice(3)).toEqual([
    'web__v1 --> cart__v1: lane v1',
    'cart__v1 --> pay__v1: lane v1',
    'web__v2 -.-> cart__v1: lane v2',
    'cart__v1 --> pay__v2: lane v2',
  ]);
});

test('in sourceLabels mode the lane becomes the baseline\'s after the fallback', () => {
  expect(edgesOf(LaneMode.SOURCE_LABELS).slice(3)).toEqual([
    'web__v1 --> cart__v1: lane v1',
    'cart__v1 --> pay__v1: lane v1',
    'web__v2 -.-> cart__v1: lane v2',
  ]);
});

test('Mermaid and DOT mark baselines and draw fallbacks dotted or dashed', () => {
  const graph = chainGraph(resolveChain(props(LaneMode.HEADER)));
  expect(toMermaid(graph)).toContain('    cart__v1["cart-v1 (baseline)"]\n');
  expect(toMermaid(graph)).toContain('  web__v2 -. "lane v2 (fallback)" .-> cart__v1\n');
  expect(toDot(graph)).toContain('    cart__v1 [label="cart-v1", shape=box, peripheries=2];\n');
  expect(toDot(graph)).toContain('  web__v2 -> cart__v1 [label="lane v2 (fallback)", style=dashed];\n');
});
