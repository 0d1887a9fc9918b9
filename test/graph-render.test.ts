import { ServiceChainProps } from '../lib';
import { ChainGraph, chainGraph } from '../lib/graph/chain-graph';
import { dotLabel, mermaidLabel, toDot, toMermaid } from '../lib/graph/draw';
import { resolveChain } from '../lib/model/chain-model';

/*
 * The renderers stay valid whatever the names: node and group ids are their own, and every
 * label is escaped, so that names cannot collide, cannot be keywords, and cannot break out
 * of a label, a line or the Markdown code fence around a Mermaid diagram.
 */

/** Names that are Mermaid keywords or shapes, and hostile text for labels. */
const KEYWORDS = ['end', 'click', 'default', 'subgraph', 'graph', 'style', 'class', 'classdef', 'linkstyle', 'flowchart', 'direction'];
const HOSTILE = [
  'v1\n```\n# injected heading', 'say "hi"', '#quot; #35;', '<script>alert(1)</script>', '`markdown`', 'a & b &amp;',
  'line\u2028separator', 'nul\u0000', 'back\\slash \\n', 'x --> y', 'a -. b .-> c', '%% comment', '[box] (round) {curly}', 'é – ü 😀',
];

/** A graph built by hand, with names no validated chain would have, to test the renderers on their own. */
function hostileGraph(): ChainGraph {
  return {
    sources: [{ id: 'end', label: HOSTILE[0] }, { id: 'a b', label: HOSTILE[1] }],
    services: HOSTILE.slice(2).map((name, i) => ({
      name,
      versions: [{ id: i === 0 ? 'x--y' : `"${i}"`, label: HOSTILE[(i + 3) % HOSTILE.length], service: name, baseline: i % 2 === 0 }],
    })),
    edges: [
      { from: 'end', to: 'x--y', label: HOSTILE[0], fallback: false },
      { from: 'a b', to: '"1"', label: HOSTILE[3], fallback: true },
    ],
  };
}

/** Decodes what {@link mermaidLabel} wrote. */
const fromMermaid = (label: string) => label.slice(1, -1).replace(/#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));
/** Decodes what {@link dotLabel} wrote. */
const fromDot = (label: string) => label.slice(1, -1).replace(/\\(["\\])/g, '$1').replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));

const MERMAID_LABEL = String.raw`"(?:[A-Za-z0-9 ,.\-_:/()=+^~%]|#\d+;)*"`;
const MERMAID_LINES = [
  /^flowchart LR$/,
  new RegExp(String.raw`^  n\d+\(\[${MERMAID_LABEL}\]\)$`),
  new RegExp(String.raw`^  subgraph s\d+ \[${MERMAID_LABEL}\]$`),
  new RegExp(String.raw`^    n\d+\[${MERMAID_LABEL}\]$`),
  /^ {2}end$/,
  new RegExp(String.raw`^  n\d+ -- ${MERMAID_LABEL} --> n\d+$`),
  new RegExp(String.raw`^  n\d+ -\. ${MERMAID_LABEL} \.-> n\d+$`),
];
const DOT_LABEL = String.raw`"(?:[^"\\&\u0000-\u001F\u2028\u2029]|\\["\\]|&#\d+;)*"`;
const DOT_LINES = [
  /^digraph chain \{$/, /^ {2}rankdir=LR;$/, /^ {2}\}$/, /^\}$/,
  /^ {2}subgraph cluster_\d+ \{$/,
  new RegExp(String.raw`^    label=${DOT_LABEL};$`),
  new RegExp(String.raw`^ {2,4}n\d+ \[label=${DOT_LABEL}, shape=(oval|box)(, peripheries=2)?\];$`),
  new RegExp(String.raw`^  n\d+ -> n\d+ \[label=${DOT_LABEL}(, style=dashed)?\];$`),
];
const linesOutside = (text: string, grammar: RegExp[]) => text.replace(/\n$/, '').split('\n').filter(line => !grammar.some(r => r.test(line)));

describe('labels', () => {
  test.each(HOSTILE.map(text => [text]))('%j reads back from its Mermaid and DOT labels', text => {
    expect(fromMermaid(mermaidLabel(text))).toBe(text);
    expect(fromDot(dotLabel(text))).toBe(text);
  });

  test('a Mermaid label holds no quote, line break, backtick, angle bracket or ampersand of its own', () => {
    for (const text of HOSTILE) expect(mermaidLabel(text).slice(1, -1)).not.toMatch(/["\n\r\u2028`<>&]/);
  });

  test('a DOT label escapes quotes and backslashes, and writes line breaks and & as entities', () => {
    expect(dotLabel('say "hi" \\n')).toBe('"say \\"hi\\" \\\\n"');
    expect(dotLabel('a\nb & c')).toBe('"a&#10;b &#38; c"');
  });
});

describe('a graph with hostile names', () => {
  const graph = hostileGraph();

  test('renders in Mermaid as lines of the flowchart grammar only, inside one Markdown fence', () => {
    const mermaid = toMermaid(graph);
    expect(linesOutside(mermaid, MERMAID_LINES)).toEqual([]);
    expect(mermaid).not.toContain('```');
    expect(mermaid.match(/^ {2}end$/gm)).toHaveLength(graph.services.length);
  });

  test('renders in DOT as lines of the DOT grammar only', () => {
    expect(linesOutside(toDot(graph), DOT_LINES)).toEqual([]);
  });

  test('numbers nodes in drawing order, whatever their ids in the graph', () => {
    const mermaid = toMermaid(graph);
    expect(mermaid).toContain(`  n0([${mermaidLabel(HOSTILE[0])}])\n`);
    expect(mermaid).toContain(`  n0 -- ${mermaidLabel(HOSTILE[0])} --> n2\n`);
    expect(mermaid).toContain(`  n1 -. ${mermaidLabel(`${HOSTILE[3]} (fallback)`)} .-> n3\n`);
    expect(toDot(graph)).toContain(`  n1 -> n3 [label=${dotLabel(`${HOSTILE[3]} (fallback)`)}, style=dashed];\n`);
  });

  test('refuses a graph whose node ids are not unique, or whose edge names a missing node', () => {
    const twice = { ...graph, sources: [graph.sources[0], { id: 'end', label: 'again' }] };
    expect(() => toMermaid(twice)).toThrow(/two nodes with the id "end"/);
    const dangling = { ...graph, edges: [{ from: 'end', to: 'nowhere', label: '', fallback: false }] };
    expect(() => toDot(dangling)).toThrow(/names the node "nowhere", which the graph does not have/);
  });
});

describe('a chain whose services are named like Mermaid keywords', () => {
  const names = KEYWORDS;
  const props: ServiceChainProps = {
    defaults: { image: 'registry.example.com/app:1.0' },
    services: names.map((name, i) => ({ name, calls: names[i + 1] ? [names[i + 1]] : [], versions: { v1: {}, v2: {} } })),
    entry: { service: names[0], gateways: ['edge/public'], hosts: ['shop.example.com'], gatewayWeights: { v1: 90, v2: 10 } },
  };
  const graph = () => chainGraph(resolveChain(props));

  test('draws each service as its own group, named only in labels', () => {
    const mermaid = toMermaid(graph());
    expect(linesOutside(mermaid, MERMAID_LINES)).toEqual([]);
    expect(mermaid.match(/^ {2}subgraph s\d+ \[(.*)\]$/gm)!.map(line => fromMermaid(line.replace(/^ {2}subgraph s\d+ \[(.*)\]$/, '$1')))).toEqual(names);
    expect(linesOutside(toDot(graph()), DOT_LINES)).toEqual([]);
  });

  test('keeps every lane: one edge per hop and lane', () => {
    expect(toMermaid(graph()).match(/ -- "lane v\d" --> /g)).toHaveLength(2 * (names.length - 1));
  });
});
