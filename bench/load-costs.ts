import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { builtinModules } from 'module';
import { median } from './measure';

/** The packages a bundle requires at run time, in the order they first appear in it. */
export function externalRequires(bundlePath: string): string[] {
  const builtins = new Set(builtinModules);
  const names = [...readFileSync(bundlePath, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map(m => m[1]);
  return [...new Set(names)].filter(name => !builtins.has(name) && !name.startsWith('node:') && !name.startsWith('.'));
}

/** Load costs measured in fresh processes: bare node startup, and what each require adds. */
export interface LoadCosts {
  /** Median wall time of `node -e 0`. */
  readonly startupMs: number;
  /** Median time of each require, in order, beyond what the packages before it already loaded. */
  readonly requires: [name: string, ms: number][];
}

const TIME_REQUIRES = `const times = [];
for (const name of JSON.parse(process.argv[1])) {
  const start = process.hrtime.bigint();
  require(name);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
process.stdout.write(JSON.stringify(times));`;

/** Measures {@link LoadCosts} over `runs` fresh processes started in `cwd`, whose node_modules resolve the packages. */
export function measureLoadCosts(packages: string[], cwd: string, runs = 5): LoadCosts {
  const startup: number[] = [];
  const perRun: number[][] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    startup.push(Number(process.hrtime.bigint() - start) / 1e6);
    const result = spawnSync(process.execPath, ['-e', TIME_REQUIRES, JSON.stringify(packages)], { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`timing requires failed:\n${result.stderr}`);
    perRun.push(JSON.parse(result.stdout));
  }
  return {
    startupMs: median(startup),
    requires: packages.map((name, i) => [name, median(perRun.map(times => times[i]))]),
  };
}

/** Load costs as a Markdown list. */
export function formatLoadCosts(costs: LoadCosts): string {
  return [
    'Load costs (fresh processes, medians; each require beyond the ones above it):',
    `- node startup (\`node -e 0\`, wall): ${costs.startupMs.toFixed(1)} ms`,
    ...costs.requires.map(([name, ms]) => `- require('${name}'): ${ms.toFixed(1)} ms`),
    '',
  ].join('\n');
}
