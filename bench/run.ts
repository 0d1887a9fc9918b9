/*
 * `npm run bench`: median wall time and peak memory of `service-chain synth` on the seed
 * example and on generated chains of 50, 200 and 800 services, beside a floor that writes
 * the same documents through raw cdk8s ApiObjects; then of `explain` on 30 diamonds and on
 * 800 services, and of `validate` on 100,000 documents, against fixed targets. Prints a
 * Markdown report and writes bench/results/latest.json. Always exits 0 when the runs succeed:
 * it is a report, and a failed target is printed as FAIL. Name scenarios as arguments to run
 * only those (`node build/bench/run.js seed 50 explain-diamonds`); `--profile <scenario>`
 * profiles one synth instead; BENCH_CLI points at another CLI bundle to measure.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { buildSync } from 'esbuild';
import { parse } from 'yaml';
import { checkCommandTargets, commandReport, commandScenarios, runCommandScenario } from './commands';
import { generateSpecYaml } from './generate-spec';
import { cliLoadCosts, profileCli } from './profile-cli';
import { checkTargets, markdownReport } from './report';
import { runScenario, Scenario, ScenarioResult, Scripts } from './scenario';

const ROOT = join(__dirname, '..', '..');
const SEED_SPEC = join(ROOT, 'examples', 'seed-weighted.yaml');

/** Bundles the memory preload next to this script; it is not one of the npm script's entry points. */
function buildMaxRssPreload(): string {
  const outfile = join(ROOT, 'build', 'bench', 'max-rss.js');
  buildSync({
    entryPoints: [join(ROOT, 'bench', 'max-rss.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

function scenarios(workdir: string): Scenario[] {
  const seedServices = (parse(readFileSync(SEED_SPEC, 'utf8')).services as unknown[]).length;
  const generated = [50, 200, 800].map(count => {
    const spec = join(workdir, `chain-${count}.yaml`);
    writeFileSync(spec, generateSpecYaml(count));
    return { name: String(count), spec, services: count, runs: count >= 800 ? 5 : 7 };
  });
  return [{ name: 'seed', spec: SEED_SPEC, services: seedServices, runs: 7 }, ...generated];
}

function writeResults(results: ScenarioResult[], report: ReturnType<typeof checkTargets>, commands: object): string {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'latest.json');
  const machine = { node: process.version, platform: process.platform, arch: process.arch, cpus: cpus().length, cpu: cpus()[0]?.model };
  writeFileSync(path, `${JSON.stringify({ date: new Date().toISOString(), machine, results, targets: report, commands }, null, 2)}\n`);
  return path;
}

function main(args: string[]): void {
  const cli = process.env.BENCH_CLI ?? join(ROOT, 'build', 'cli', 'main.js');
  const floor = join(ROOT, 'build', 'bench', 'floor.js');
  for (const script of [cli, floor]) {
    if (!existsSync(script)) throw new Error(`${script} is missing; run \`npm run bench\`, which bundles it`);
  }
  const workdir = mkdtempSync(join(tmpdir(), 'service-chain-bench-'));
  try {
    const scripts: Scripts = { cli, floor, maxRssScript: buildMaxRssPreload(), scratch: workdir };
    const profiling = args[0] === '--profile';
    const names = profiling ? args.slice(1) : args;
    const chosen = scenarios(workdir).filter(s => names.length === 0 || names.includes(s.name));
    if (profiling) {
      process.stdout.write(`## CLI load costs\n\n${cliLoadCosts(cli, ROOT)}\n`);
      for (const scenario of chosen) process.stdout.write(`## CLI profile: ${scenario.name}\n\n${profileCli(cli, scenario.spec, workdir)}\n`);
      return;
    }
    const results = chosen.map(scenario => {
      process.stderr.write(`bench: ${scenario.name} (${scenario.services} services, 1 + ${scenario.runs} runs each side)...\n`);
      return runScenario(scripts, scenario, workdir);
    });
    const commands = commandScenarios(workdir).filter(s => names.length === 0 || names.includes(s.name));
    const commandResults = commands.map(scenario => {
      process.stderr.write(`bench: ${scenario.name} (1 + ${scenario.runs} runs)...\n`);
      return runCommandScenario(scripts, cli, scenario);
    });
    const targets = checkTargets(results);
    const commandTargets = checkCommandTargets(commands, commandResults);
    if (results.length > 0) process.stdout.write(markdownReport(results, targets));
    if (commandResults.length > 0) process.stdout.write(`\n${commandReport(commandResults, commandTargets)}`);
    const saved = writeResults(results, targets, { results: commandResults, targets: commandTargets });
    process.stdout.write(`\nresults: ${saved}\n`);
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
