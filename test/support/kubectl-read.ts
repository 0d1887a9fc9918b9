import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { tempDir } from './manifests';

/**
 * Reads a manifest file with kubectl's own parser, offline: `kubectl annotate --local`
 * decodes the file and prints the objects as JSON without a cluster (an empty kubeconfig
 * keeps it from looking for one). Returns the objects, or kubectl's error text.
 */
export function readWithKubectl(yaml: string): { objects?: Array<Record<string, any>>; error?: string } {
  const dir = tempDir('kubectl-read-');
  const file = join(dir, 'manifest.yaml');
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(file, yaml);
  writeFileSync(kubeconfig, '');
  const result = spawnSync('kubectl', ['annotate', '--local', '-f', file, 'read=back', '-o', 'json'], {
    encoding: 'utf8', env: { ...process.env, KUBECONFIG: kubeconfig },
  });
  if (result.status !== 0) return { error: `${result.stderr}${result.error ?? ''}` };
  // One indented JSON object per input object, each opening with `{` at the start of a line.
  return { objects: result.stdout.split(/\n(?=\{)/).map(text => JSON.parse(text) as Record<string, any>) };
}
