import { run } from '../../cli/main';

/** What one in-process run of the command printed and returned. */
export interface InProcessRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `service-chain <args>` in this process through the exported `run()`, capturing what it
 * writes to stdout and stderr. Much faster than starting node; the CLI tests keep a few real
 * subprocess runs for what only a process shows.
 */
export function runInProcess(...args: string[]): InProcessRun {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(chunk => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { status: run(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
