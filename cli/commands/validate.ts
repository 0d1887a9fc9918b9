import { Command } from 'commander';
import { formatFindings, lintReport, MAX_MANIFEST_BYTES } from '../../lib/lint';
import { CliError } from '../cli-error';

/** `service-chain validate <paths...>`: checks any manifests against the Istio schema and the routing rules. */
export function validateCommand(): Command {
  return new Command('validate')
    .description('Check manifests (any, hand-written too) that are applied together: Istio CRD schema, '
      + 'subsets and their pods, mesh hosts, delegates, routes after a catch-all')
    .argument('<paths...>', `YAML or JSON files (regular files of at most ${MAX_MANIFEST_BYTES / (1024 * 1024)} MB), or folders to search recursively`)
    .action((paths: string[]) => {
      const { manifests, findings } = lintReport(paths);
      const nothing = manifests === 0
        ? [`nothing to validate: no Kubernetes object was found in ${paths.join(' ')} (.yaml, .yml and .json files are read in folders)`]
        : [];
      if (findings.length > 0) {
        throw new CliError([`${findings.length} finding(s):`, ...formatFindings(findings), ...nothing].join('\n'));
      }
      if (nothing.length > 0) throw new CliError(nothing[0]);
      process.stdout.write(`no findings in ${paths.join(' ')} (${manifests} object${manifests === 1 ? '' : 's'})\n`);
    });
}
