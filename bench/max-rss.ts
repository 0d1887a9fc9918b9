/*
 * Preloaded into every measured process (`node -r build/bench/max-rss.js ...`): on exit,
 * writes the process's peak resident set size, in kilobytes, to the file named by
 * BENCH_MAX_RSS_FILE.
 */
import { writeFileSync } from 'fs';

const target = process.env.BENCH_MAX_RSS_FILE;
if (target) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
