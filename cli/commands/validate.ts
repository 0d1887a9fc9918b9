import { Command } from 'commander';
import { formatFinding, lintPaths } from '../../lib/lint';
import { CliError } from '../cli-error';

/** `service-chain validate <paths...>`: checks any manifests against the Istio schema and the routing rules. */
export function validateCommand(): Command {
  return new Command('validate')
    .description('Check manifests (any, hand-written too) that are applied together: Istio CRD schema, '
      + 'subsets and their pods, mesh hosts, delegates, routes after a catch-all')
    .argument('<paths...>', 'YAML or JSON files, or folders to search recursively')
    .action((paths: string[]) => {
      const findings = lintPaths(paths);
      if (findings.length > 0) {
        throw new CliError(`${findings.length} finding(s):\n${findings.map(formatFinding).join('\n')}`);
      }
      process.stdout.write(`no findings in ${paths.join(' ')}\n`);
    });
}
