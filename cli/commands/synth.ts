import { Command, Option } from 'commander';
import { chainFiles, OutputLayout } from '../../lib/output/layout';
import { findDrift, hasInterruptedWrite, OWNERSHIP_FILE, RenderedFile, renderFiles, writeFilesAtomically } from '../../lib/output/write';
import { chainFromSpec, reportWarnings } from '../chain-from-spec';
import { CliError } from '../cli-error';
import { specFolders } from './spec-folders';

interface SynthOptions {
  readonly output: string;
  readonly layout: OutputLayout;
  readonly check: boolean;
  readonly force: boolean;
}

/** `service-chain synth <spec...>`: writes the manifests of one or more specs into a folder it owns. */
export function synthCommand(): Command {
  return new Command('synth')
    .summary('Write the manifests of specs into a folder that service-chain owns')
    .description('Write the manifests of a spec into a folder. Only files service-chain wrote there are replaced or removed;\n'
      + `it lists them in <dir>/${OWNERSHIP_FILE} and refuses a folder holding anything else.\n`
      + 'With several specs, each goes to a sub-folder named after its file (examples/shop.yaml -> <dir>/shop/).')
    .argument('<specs...>', 'chain specs, YAML or JSON')
    .option('-o, --output <dir>', 'output folder: new, empty, or written by service-chain before', 'dist')
    .addOption(new Option('--layout <layout>', 'how objects are spread over files')
      .choices(Object.values(OutputLayout)).default(OutputLayout.PER_VERSION))
    .option('--check', 'write nothing; exit 1 listing the files that would change', false)
    .option('--force', 'overwrite files service-chain wrote that were edited since (never files it did not write)', false)
    .action((specs: string[], options: SynthOptions) => {
      const folders = specs.length > 1 ? specFolders(specs) : [undefined];
      const files = specs.flatMap((spec, i) => {
        const chain = chainFromSpec(spec);
        reportWarnings(chain);
        return renderFiles(chainFiles(chain, { layout: options.layout, dir: folders[i] })).map(file => ({ ...file, origin: spec }));
      });
      if (options.check) check(options.output, files, specs);
      else write(options.output, files, specs, options.force);
    });
}

function write(outdir: string, files: RenderedFile[], specs: string[], force: boolean): void {
  const result = writeFilesAtomically(outdir, files, { protect: specs, force });
  if (result.recovered) {
    process.stderr.write(`warning: ${outdir} held an interrupted synth, which was ${result.recovered === 'finished' ? 'finished' : 'undone'} first\n`);
  }
  const removed = result.removed > 0 ? `, removed ${result.removed}` : '';
  process.stdout.write(`wrote ${files.length} files to ${outdir} (${result.written} changed${removed})\n`);
}

function check(outdir: string, files: RenderedFile[], specs: string[]): void {
  if (outdir.trim() === '') throw new CliError('the output folder is an empty path; give the folder to check with -o');
  const drift = findDrift(outdir, files);
  const lines = [
    ...(hasInterruptedWrite(outdir) ? ['  interrupted: a synth into it was interrupted; run synth without --check to finish or undo it'] : []),
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
