import { spawnSync } from 'child_process';
import { readFileSync, rmSync } from 'fs';
import { join } from 'path';

/** One measured process: wall time from spawn to exit, and peak resident memory. */
export interface Sample {
  readonly ms: number;
  /** Peak resident set size in megabytes (MiB). */
  readonly peakMb: number;
}

/** How to run node scripts under measurement. */
export interface Runner {
  /** The compiled preload that records peak memory (build/bench/max-rss.js). */
  readonly maxRssScript: string;
  /** A scratch folder for the memory files. */
  readonly scratch: string;
}

/**
 * Runs `node <script> <args>` as a fresh process with the memory preload and returns its
 * wall time and peak memory. Throws with the process's stderr when it fails, since a
 * failed run measures nothing.
 */
export function measureNode(runner: Runner, script: string, args: string[]): Sample {
  const rssFile = join(runner.scratch, `max-rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const env = { ...process.env, BENCH_MAX_RSS_FILE: rssFile };
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', runner.maxRssScript, script, ...args], { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`node ${[script, ...args].join(' ')} exited with ${result.status ?? result.signal}:\n${result.stderr}`);
  }
  const peakKb = Number(readFileSync(rssFile, 'utf8'));
  return { ms, peakMb: peakKb / 1024 };
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('the median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
