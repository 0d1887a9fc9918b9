import { Command } from 'commander';
import { formatFinding, lintManifests, loadManifests } from '../../lib/lint';
import { CliError } from '../cli-error';

/** `service-chain validate <paths...>`: checks any manifests against the Istio schema and the routing rules. */
export function validateCommand(): Command {
  return new Command('validate')
    .description('Check manifests (any, hand-written too): Istio CRD schema, subsets, mesh hosts, delegates, unreachable routes')
    .argument('<paths...>', 'YAML or JSON files, or folders to search recursively')
    .action((paths: string[]) => {
      const loaded = loadManifests(paths);
      const findings = [...loaded.findings, ...lintManifests(loaded.manifests)];
      if (findings.length > 0) {
        throw new CliError(`${findings.length} finding(s):\n${findings.map(formatFinding).join('\n')}`);
      }
      process.stdout.write(`${loaded.manifests.length} objects checked, no findings\n`);
    });
}
