import { Command, Option } from 'commander';
import { chainGraph } from '../../lib/graph/chain-graph';
import { toDot, toMermaid } from '../../lib/graph/draw';
import { chainFromSpec } from '../chain-from-spec';

/** `service-chain graph <spec>`: draws the chain. */
export function graphCommand(): Command {
  return new Command('graph')
    .description('Draw the chain: entry weights and header rules, versions, lanes and fallbacks')
    .argument('<spec>', 'the chain spec, YAML or JSON')
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .action((spec: string, options: { format: 'mermaid' | 'dot' }) => {
      const graph = chainGraph(chainFromSpec(spec).model);
      process.stdout.write(options.format === 'dot' ? toDot(graph) : toMermaid(graph));
    });
}
