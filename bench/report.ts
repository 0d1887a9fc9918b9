import { ScenarioResult } from './scenario';

/** A performance target checked against the results. */
export interface TargetResult {
  /** What is required, in words. */
  readonly target: string;
  /** The measured value, in words. */
  readonly measured: string;
  readonly pass: boolean;
}

function byName(results: ScenarioResult[], name: string): ScenarioResult | undefined {
  return results.find(result => result.name === name);
}

function ratioTarget(result: ScenarioResult | undefined, label: string, limit: number): TargetResult {
  const target = `${label}: CLI <= ${limit}x floor`;
  if (!result) return { target, measured: 'not measured', pass: false };
  return { target, measured: `${result.ratio.toFixed(2)}x`, pass: result.ratio <= limit };
}

/**
 * The three targets: the seed within 2x the floor, 800 services within 3x the floor,
 * and the CLI's time growing at most 4.5x from 200 to 800 services (4x the services).
 */
export function checkTargets(results: ScenarioResult[]): TargetResult[] {
  const at200 = byName(results, '200');
  const at800 = byName(results, '800');
  const scaling: TargetResult = at200 && at800
    ? {
      target: 'scaling: CLI time(800) / time(200) <= 4.5',
      measured: `${(at800.cliMedianMs / at200.cliMedianMs).toFixed(2)}`,
      pass: at800.cliMedianMs / at200.cliMedianMs <= 4.5,
    }
    : { target: 'scaling: CLI time(800) / time(200) <= 4.5', measured: 'not measured', pass: false };
  return [ratioTarget(byName(results, 'seed'), 'seed', 2), ratioTarget(at800, '800 services', 3), scaling];
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

/** The results as a Markdown table, then the targets with PASS or FAIL. */
export function markdownReport(results: ScenarioResult[], targets: TargetResult[]): string {
  const header = '| scenario | services | objects | CLI median ms | floor median ms | ratio | CLI peak MB | floor peak MB |';
  const rule = '|---|---:|---:|---:|---:|---:|---:|---:|';
  const rows = results.map(r => `| ${r.name} | ${r.services} | ${r.objects} | ${fixed(r.cliMedianMs, 0)} | ${fixed(r.floorMedianMs, 0)} | ${fixed(r.ratio, 2)}x | ${fixed(r.cliPeakMb, 1)} | ${fixed(r.floorPeakMb, 1)} |`);
  const mismatches = results.filter(r => r.floorMismatch).map(r => `WARNING: the floor of ${r.name} did not write the CLI's documents (${r.floorMismatch}); its ratio means little.`);
  const targetLines = targets.map(t => `- ${t.pass ? 'PASS' : '**FAIL**'} ${t.target} (measured ${t.measured})`);
  return [
    header, rule, ...rows, '',
    'Medians over separate node processes (cold start included); peak MB is the median of each run\'s max RSS.',
    ...mismatches, '',
    'Targets:', ...targetLines, '',
  ].join('\n');
}
