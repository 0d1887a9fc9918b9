import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { generateManifestFiles } from './generate-manifests';
import { generateDiamondSpecYaml, generateSpecYaml } from './generate-spec';
import { measureNode, median, Runner, Sample } from './measure';
import { TargetResult } from './report';

/** A CLI command measured on its own, against a target of wall time and, optionally, peak memory. */
export interface CommandScenario {
  /** Short name in the report, and to pick it on the command line: `explain-diamonds`... */
  readonly name: string;
  /** What it runs, in words. */
  readonly description: string;
  /** The CLI arguments. */
  readonly args: string[];
  /** Measured runs, after one warm-up run. */
  readonly runs: number;
  /** Most median wall time, in ms. */
  readonly maxMs: number;
  /**
   * Most median peak memory, in MB.
   * @default - no memory target
   */
  readonly maxMb?: number;
}

/** What a command scenario measured. */
export interface CommandResult {
  readonly name: string;
  readonly description: string;
  readonly medianMs: number;
  readonly peakMb: number;
  readonly samples: Sample[];
}

/**
 * The explain and validate scenarios, their inputs written into `workdir`: explain on 30
 * stacked diamonds (2^30 visits of the last service per request) and on the 800-service
 * benchmark spec, and validate on 100,000 small documents in 4 files.
 */
export function commandScenarios(workdir: string): CommandScenario[] {
  const diamonds = join(workdir, 'diamonds-30.yaml');
  writeFileSync(diamonds, generateDiamondSpecYaml(30));
  const chain = join(workdir, 'explain-chain-800.yaml');
  writeFileSync(chain, generateSpecYaml(800));
  const manifests = join(workdir, 'manifests-100k');
  mkdirSync(manifests, { recursive: true });
  for (const file of generateManifestFiles(100_000, 4)) writeFileSync(join(manifests, file.name), file.text);
  return [
    { name: 'explain-diamonds', description: 'explain, 30 diamonds (91 services)', args: ['explain', diamonds], runs: 5, maxMs: 2000 },
    { name: 'explain-800', description: 'explain, 800 services', args: ['explain', chain], runs: 3, maxMs: 5000 },
    {
      name: 'validate-100k',
      description: 'validate, 100,000 documents (7.3 MB, 4 files)',
      args: ['validate', manifests],
      runs: 3,
      maxMs: 10_000,
      maxMb: 500,
    },
  ];
}

/** Runs a command scenario: one warm-up run, then the measured runs. The command must exit 0. */
export function runCommandScenario(runner: Runner, cli: string, scenario: CommandScenario): CommandResult {
  measureNode(runner, cli, scenario.args);
  const samples = Array.from({ length: scenario.runs }, () => measureNode(runner, cli, scenario.args));
  return {
    name: scenario.name,
    description: scenario.description,
    medianMs: median(samples.map(s => s.ms)),
    peakMb: median(samples.map(s => s.peakMb)),
    samples,
  };
}

/** The targets of the command scenarios that were measured. */
export function checkCommandTargets(scenarios: CommandScenario[], results: CommandResult[]): TargetResult[] {
  return results.flatMap(result => {
    const scenario = scenarios.find(s => s.name === result.name)!;
    const time: TargetResult = {
      target: `${scenario.description}: median <= ${scenario.maxMs} ms`,
      measured: `${result.medianMs.toFixed(0)} ms`,
      pass: result.medianMs <= scenario.maxMs,
    };
    if (scenario.maxMb === undefined) return [time];
    return [time, {
      target: `${scenario.description}: peak <= ${scenario.maxMb} MB`,
      measured: `${result.peakMb.toFixed(1)} MB`,
      pass: result.peakMb <= scenario.maxMb,
    }];
  });
}

/** The command results as a Markdown table, then their targets with PASS or FAIL. */
export function commandReport(results: CommandResult[], targets: TargetResult[]): string {
  return [
    '| command | median ms | peak MB |',
    '|---|---:|---:|',
    ...results.map(r => `| ${r.description} | ${r.medianMs.toFixed(0)} | ${r.peakMb.toFixed(1)} |`),
    '',
    'Targets:',
    ...targets.map(t => `- ${t.pass ? 'PASS' : '**FAIL**'} ${t.target} (measured ${t.measured})`),
    '',
  ].join('\n');
}
