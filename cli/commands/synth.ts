import { Command, Option } from 'commander';
import { chainFiles, OutputLayout } from '../../lib/output/layout';
import { findDrift, renderFiles, writeFilesAtomically } from '../../lib/output/write';
import { chainFromSpec, reportWarnings } from '../chain-from-spec';
import { CliError } from '../cli-error';

interface SynthOptions {
  readonly output: string;
  readonly layout: OutputLayout;
  readonly check: boolean;
}

/** `service-chain synth <spec>`: writes the manifests of a spec, atomically. */
export function synthCommand(): Command {
  return new Command('synth')
    .description('Write the manifests of a spec into a folder, replacing it atomically')
    .argument('<spec>', 'the chain spec, YAML or JSON')
    .option('-o, --output <dir>', 'output folder; it is replaced as a whole', 'dist')
    .addOption(new Option('--layout <layout>', 'how objects are spread over files')
      .choices(Object.values(OutputLayout)).default(OutputLayout.PER_VERSION))
    .option('--check', 'write nothing; exit 1 listing the files that would change', false)
    .action((spec: string, options: SynthOptions) => {
      const chain = chainFromSpec(spec);
      reportWarnings(chain);
      const files = renderFiles(chainFiles(chain, { layout: options.layout }));
      if (options.check) {
        const drift = findDrift(options.output, files);
        const lines = [
          ...drift.changed.map(path => `changed: ${path}`),
          ...drift.added.map(path => `missing: ${path}`),
          ...drift.removed.map(path => `extra:   ${path}`),
        ].map(line => `  ${line}`);
        if (lines.length > 0) {
          throw new CliError(`${options.output} is out of date with ${spec}:\n${lines.join('\n')}\nrun \`service-chain synth ${spec} -o ${options.output}\``);
        }
        process.stdout.write(`${options.output} is up to date with ${spec}\n`);
        return;
      }
      writeFilesAtomically(options.output, files);
      process.stdout.write(`wrote ${files.length} files to ${options.output}: ${files.map(f => f.path).join(', ')}\n`);
    });
}
