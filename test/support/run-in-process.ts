import { CliRun } from './cli';
import { run } from '../../cli/main';

/**
 * Runs `service-chain <args>` in this process through the exported `run()`, from `cwd`
 * (the repository root unless given), capturing what it prints.
 */
export function runInProcess(args: string[], cwd?: string): CliRun {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const before = process.cwd();
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    if (cwd) process.chdir(cwd);
    const status = run(args);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(before);
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}
