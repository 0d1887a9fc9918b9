import { Hop, TracedPath } from './traced-path';

/** Most distinct paths `explain` computes before giving up. */
export const MAX_PATHS = 10000;

/** One way (part of) a request travels, before rounding and sorting. */
export interface Outcome {
  /** Probability, 0..1. */
  readonly probability: number;
  /** Deployment names in visiting order. */
  readonly path: string[];
  /** One hop per entry of `path`. */
  readonly hops: Hop[];
  /** Routing failures on the way. */
  readonly errors: string[];
}

/** The single outcome of a request that could not be routed. */
export function failedOutcome(error: string): Outcome[] {
  return [{ probability: 1, path: [], hops: [], errors: [error] }];
}

/** Outcomes with their probabilities multiplied by `factor`. */
export function scaleOutcomes(outcomes: Outcome[], factor: number): Outcome[] {
  return outcomes.map(outcome => ({ ...outcome, probability: outcome.probability * factor }));
}

/**
 * All combinations of a caller's outcomes so far with the outcomes of one more call it makes:
 * paths and hops concatenated (depth-first preorder), probabilities multiplied.
 * @throws Error past {@link MAX_PATHS} combinations.
 */
export function combineOutcomes(before: Outcome[], call: Outcome[]): Outcome[] {
  assertWithinCap(before.length * call.length);
  return mergeOutcomes(before.flatMap(first => call.map(second => ({
    probability: first.probability * second.probability,
    path: [...first.path, ...second.path],
    hops: [...first.hops, ...second.hops],
    errors: [...first.errors, ...second.errors],
  }))));
}

/**
 * Outcomes with identical paths (same Deployments, hops and errors) merged, probabilities summed;
 * first occurrence order kept.
 * @throws Error past {@link MAX_PATHS} distinct outcomes.
 */
export function mergeOutcomes(outcomes: Outcome[]): Outcome[] {
  const merged = new Map<string, Outcome>();
  for (const outcome of outcomes) {
    const key = JSON.stringify([outcome.path, outcome.hops.map(hop => hop.via), outcome.errors]);
    const known = merged.get(key);
    merged.set(key, known === undefined ? outcome : { ...known, probability: known.probability + outcome.probability });
  }
  assertWithinCap(merged.size);
  return [...merged.values()];
}

/** The final answer: merged, probabilities rounded to 6 decimals, most likely first, then by path. */
export function toTracedPaths(outcomes: Outcome[]): TracedPath[] {
  return mergeOutcomes(outcomes)
    .map(tracedPath)
    .sort((a, b) => b.probability - a.probability || compareText(a.path.join(' '), b.path.join(' ')));
}

function tracedPath(outcome: Outcome): TracedPath {
  const probability = Math.round(outcome.probability * 1e6) / 1e6;
  const base = { probability, path: outcome.path, hops: outcome.hops };
  return outcome.errors.length === 0 ? base : { ...base, error: outcome.errors.join('; ') };
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function assertWithinCap(count: number): void {
  if (count > MAX_PATHS) {
    throw new Error(`explain: the request has more than ${MAX_PATHS} distinct paths; narrow the entry or the call graph`);
  }
}
