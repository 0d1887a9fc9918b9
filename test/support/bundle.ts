import { execFileSync } from 'child_process';
import { join } from 'path';
import { buildSync } from 'esbuild';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');

/**
 * Bundles a TypeScript entry point of the repository the way `npm run synth` does, from
 * the current sources, into build/test/, and returns the path of the JavaScript file.
 */
export function bundle(entry: string): string {
  const outfile = join(ROOT, 'build', 'test', entry.replace(/\.ts$/, '.js'));
  buildSync({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs a bundled script with node and returns its standard output. */
export function runNode(script: string, args: string[] = [], env: Record<string, string> = {}): string {
  return execFileSync('node', [script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}
