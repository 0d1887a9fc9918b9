import { spawnSync } from 'child_process';

/** Whether kubectl is on the PATH. CI (.ci/run) refuses to start without it. */
export const HAS_KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

if (!HAS_KUBECTL) {

  console.warn('kubectl is not on the PATH: the `kubectl kustomize` tests are SKIPPED. Install kubectl 1.27+ to run them.');
}

/** Runs `kubectl kustomize <dir>`; returns its output, or its error text and exit status. */
export function kustomize(dir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
