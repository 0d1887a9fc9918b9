import { basename, extname } from 'path';
import { Command, Option } from 'commander';
import { chainFiles, OutputLayout } from '../../lib/output/layout';
import { findDrift, RenderedFile, renderFiles, writeFilesAtomically } from '../../lib/output/write';
import { chainFromSpec, reportWarnings } from '../chain-from-spec';
import { CliError } from '../cli-error';

interface SynthOptions {
  readonly output: string;
  readonly layout: OutputLayout;
  readonly check: boolean;
}

/** `service-chain synth <spec...>`: writes the manifests of one or more specs, atomically. */
export function synthCommand(): Command {
  return new Command('synth')
    .description('Write the manifests of a spec into a folder, replacing the folder atomically.\n'
      + 'With several specs, each goes to a sub-folder named after its file (examples/shop.yaml -> <dir>/shop/).')
    .argument('<specs...>', 'chain specs, YAML or JSON')
    .option('-o, --output <dir>', 'output folder; it is replaced as a whole', 'dist')
    .addOption(new Option('--layout <layout>', 'how objects are spread over files')
      .choices(Object.values(OutputLayout)).default(OutputLayout.PER_VERSION))
    .option('--check', 'write nothing; exit 1 listing the files that would change', false)
    .action((specs: string[], options: SynthOptions) => {
      const files = specs.flatMap(spec => {
        const chain = chainFromSpec(spec);
        reportWarnings(chain);
        const dir = specs.length > 1 ? basename(spec, extname(spec)) : undefined;
        return renderFiles(chainFiles(chain, { layout: options.layout, dir }));
      });
      if (options.check) check(options.output, files, specs);
      else write(options.output, files);
    });
}

function write(outdir: string, files: RenderedFile[]): void {
  writeFilesAtomically(outdir, files);
  process.stdout.write(`wrote ${files.length} files to ${outdir}\n`);
}

function check(outdir: string, files: RenderedFile[], specs: string[]): void {
  const drift = findDrift(outdir, files);
  const lines = [
    ...drift.changed.map(path => `  changed: ${path}`),
    ...drift.added.map(path => `  missing: ${path}`),
    ...drift.removed.map(path => `  extra:   ${path}`),
  ];
  if (lines.length > 0) {
    throw new CliError(`${outdir} is out of date with ${specs.join(' ')}:\n${lines.join('\n')}\n`
      + 'run synth again without --check to update it');
  }
  process.stdout.write(`${outdir} is up to date (${files.length} files)\n`);
}
