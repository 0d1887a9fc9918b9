import { readFileSync } from 'fs';
import { join } from 'path';
import { Command, CommanderError } from 'commander';
import { CliError, ExitCode } from './cli-error';
import { projectRoot } from '../lib/project-root';
import { explainCommand } from './commands/explain';
import { graphCommand } from './commands/graph';
import { synthCommand } from './commands/synth';
import { validateCommand } from './commands/validate';

/** The version in the package.json of the installed package (or of the repository). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The `service-chain` program, with every command. */
export function program(): Command {
  const root = new Command('service-chain')
    .description('Istio full-link canary releases: a chain spec in, Kubernetes and Istio manifests out')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)');
  for (const command of [synthCommand(), explainCommand(), graphCommand(), validateCommand()]) {
    root.addCommand(command.showHelpAfterError('(run with --help for usage)'));
  }
  return root;
}

/**
 * Runs the program and returns its exit code; messages go to stdout and stderr, never a
 * stack trace. Without arguments it prints the usage on stderr and returns 2, as for any
 * other usage error.
 */
export function run(argv: string[]): ExitCode {
  const root = program();
  if (argv.length === 0) {
    process.stderr.write(root.helpInformation());
    return ExitCode.USAGE;
  }
  root.exitOverride();
  for (const command of root.commands) command.exitOverride();
  try {
    root.parse(argv, { from: 'user' });
    return ExitCode.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      const informational = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return informational ? ExitCode.OK : ExitCode.USAGE;
    }
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    return ExitCode.INVALID;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2));
}
