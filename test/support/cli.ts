import { spawnSync } from 'child_process';
import { bundle, ROOT } from './bundle';

let cliScript: string | undefined;

/** What a run of the command printed and returned. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `service-chain <args>` from the current sources (bundled once per test file). */
export function cli(...args: string[]): CliRun {
  cliScript ??= bundle('cli/main.ts');
  const result = spawnSync('node', [cliScript, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
