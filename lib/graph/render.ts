import { ChainGraph } from './chain-graph';

/** Draws a chain graph as a Mermaid flowchart (renders in GitHub pull requests and job summaries). */
export function toMermaid(graph: ChainGraph): string {
  const lines = ['flowchart LR'];
  for (const source of graph.sources) lines.push(`  ${source.id}(["${source.label}"])`);
  for (const service of graph.services) {
    lines.push(`  subgraph ${service.name}`);
    for (const node of service.versions) lines.push(`    ${node.id}["${node.label}${node.baseline ? ' (baseline)' : ''}"]`);
    lines.push('  end');
  }
  for (const edge of graph.edges) {
    const label = edge.label.replace(/"/g, '#quot;');
    lines.push(edge.fallback ? `  ${edge.from} -. "${label} (fallback)" .-> ${edge.to}` : `  ${edge.from} -- "${label}" --> ${edge.to}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Draws a chain graph in Graphviz DOT. */
export function toDot(graph: ChainGraph): string {
  const quote = (text: string) => JSON.stringify(text);
  const lines = ['digraph chain {', '  rankdir=LR;'];
  for (const source of graph.sources) lines.push(`  ${source.id} [label=${quote(source.label)}, shape=oval];`);
  for (const service of graph.services) {
    lines.push(`  subgraph ${quote(`cluster_${service.name}`)} {`, `    label=${quote(service.name)};`);
    for (const node of service.versions) {
      lines.push(`    ${node.id} [label=${quote(node.label)}, shape=box${node.baseline ? ', peripheries=2' : ''}];`);
    }
    lines.push('  }');
  }
  for (const edge of graph.edges) {
    const label = edge.fallback ? `${edge.label} (fallback)` : edge.label;
    lines.push(`  ${edge.from} -> ${edge.to} [label=${quote(label)}${edge.fallback ? ', style=dashed' : ''}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
