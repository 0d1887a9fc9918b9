import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { externalRequires, formatLoadCosts, measureLoadCosts } from './load-costs';
import { formatProfileSummary, summarizeProfile } from './profile';

/**
 * Runs the CLI bundle once on a spec under `node --cpu-prof` and returns where its time
 * went, as Markdown. The profiler slows loading down; see {@link cliLoadCosts} for load
 * costs measured without it.
 */
export function profileCli(cli: string, spec: string, workdir: string): string {
  const dir = mkdtempSync(join(workdir, 'profile-'));
  const result = spawnSync(process.execPath, [
    '--cpu-prof', `--cpu-prof-dir=${dir}`,
    cli, 'synth', spec, '-o', join(dir, 'out'),
  ], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`profiling ${spec} failed:\n${result.stderr}`);
  const file = readdirSync(dir).find(name => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`node wrote no CPU profile into ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return formatProfileSummary(summarizeProfile(profile, pathToFileURL(cli).href, readFileSync(cli, 'utf8')));
}

/** What node startup and each package the CLI bundle requires cost, without a profiler, as Markdown. */
export function cliLoadCosts(cli: string, root: string): string {
  return formatLoadCosts(measureLoadCosts(externalRequires(cli), root));
}
