import { ChainGraph, GraphNode } from './chain-graph';

/*
 * Both renderers name nodes and groups themselves (`n0`, `n1`... and `s0`, `s1`... in drawing
 * order), so no service, version, header or gateway name can collide with another, with a
 * keyword (`end`, `subgraph`, `click`, `default`, `graph`, `style`, `class`...) or with the
 * syntax around it. Names appear only in labels, escaped for the format.
 */

/** The ids a renderer gives the graph's nodes, by the graph's own ids. */
function rendererIds(graph: ChainGraph): Map<string, string> {
  const nodes: GraphNode[] = [...graph.sources, ...graph.services.flatMap(service => service.versions)];
  const ids = new Map<string, string>();
  for (const node of nodes) {
    if (ids.has(node.id)) throw new Error(`the chain graph has two nodes with the id ${JSON.stringify(node.id)}; node ids must be unique`);
    ids.set(node.id, `n${ids.size}`);
  }
  return ids;
}

/** The renderer's id of a node an edge names. */
function idOf(ids: Map<string, string>, graphId: string): string {
  const id = ids.get(graphId);
  if (id === undefined) throw new Error(`an edge of the chain graph names the node ${JSON.stringify(graphId)}, which the graph does not have`);
  return id;
}

/** Characters Mermaid shows as they are inside a quoted label; every other one is written as an entity code. */
const MERMAID_LITERAL = /[A-Za-z0-9 ,.\-_:/()=+^~%]/;

/**
 * A label as a quoted Mermaid string. Every character but letters, digits, spaces and a few
 * harmless marks is written as Mermaid's entity code (`#34;` for `"`, `#35;` for `#`, `#10;`
 * for a line feed), so no quote, `#`, HTML, Markdown or line break in a name reaches the
 * diagram's syntax, nor ends a Markdown code fence around it.
 */
export function mermaidLabel(text: string): string {
  let escaped = '';
  for (const char of text) escaped += MERMAID_LITERAL.test(char) ? char : `#${char.codePointAt(0)};`;
  return `"${escaped}"`;
}

/** Draws a chain graph as a Mermaid flowchart (renders in GitHub pull requests and job summaries). */
export function toMermaid(graph: ChainGraph): string {
  const ids = rendererIds(graph);
  const lines = ['flowchart LR'];
  for (const source of graph.sources) lines.push(`  ${idOf(ids, source.id)}([${mermaidLabel(source.label)}])`);
  graph.services.forEach((service, i) => {
    lines.push(`  subgraph s${i} [${mermaidLabel(service.name)}]`);
    for (const node of service.versions) lines.push(`    ${idOf(ids, node.id)}[${mermaidLabel(`${node.label}${node.baseline ? ' (baseline)' : ''}`)}]`);
    lines.push('  end');
  });
  for (const edge of graph.edges) {
    const [from, to] = [idOf(ids, edge.from), idOf(ids, edge.to)];
    lines.push(edge.fallback
      ? `  ${from} -. ${mermaidLabel(`${edge.label} (fallback)`)} .-> ${to}`
      : `  ${from} -- ${mermaidLabel(edge.label)} --> ${to}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Characters a DOT label shows through an HTML entity: controls, line and paragraph separators, and `&` itself. */
const DOT_ENTITY = /[\u0000-\u001F\u007F-\u009F\u2028\u2029&]/g;

/**
 * A label as a quoted DOT string: `"` and `\` are escaped with a backslash (so that no
 * `\n`, `\l` or `\N` escape of Graphviz comes from a name), and control characters, line
 * separators and `&` are written as HTML entities (`&#10;`, `&#38;`), which Graphviz decodes.
 */
export function dotLabel(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, char => `\\${char}`)
    .replace(DOT_ENTITY, char => `&#${char.charCodeAt(0)};`);
  return `"${escaped}"`;
}

/** Draws a chain graph in Graphviz DOT. */
export function toDot(graph: ChainGraph): string {
  const ids = rendererIds(graph);
  const lines = ['digraph chain {', '  rankdir=LR;'];
  for (const source of graph.sources) lines.push(`  ${idOf(ids, source.id)} [label=${dotLabel(source.label)}, shape=oval];`);
  graph.services.forEach((service, i) => {
    lines.push(`  subgraph cluster_${i} {`, `    label=${dotLabel(service.name)};`);
    for (const node of service.versions) {
      lines.push(`    ${idOf(ids, node.id)} [label=${dotLabel(node.label)}, shape=box${node.baseline ? ', peripheries=2' : ''}];`);
    }
    lines.push('  }');
  });
  for (const edge of graph.edges) {
    const label = edge.fallback ? `${edge.label} (fallback)` : edge.label;
    lines.push(`  ${idOf(ids, edge.from)} -> ${idOf(ids, edge.to)} [label=${dotLabel(label)}${edge.fallback ? ', style=dashed' : ''}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
