import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

/** examples/ci/canary-review.yml, the workflow users copy into a repository of chain specs. */
export const WORKFLOW_FILE = join(__dirname, '..', '..', 'examples', 'ci', 'canary-review.yml');

interface Step { readonly name?: string; readonly run?: string }

/** The `run` steps of every job, in order, by step name. */
export function runSteps(text: string = readFileSync(WORKFLOW_FILE, 'utf8')): { name: string; run: string }[] {
  const jobs = (parse(text) as { jobs: Record<string, { steps: Step[] }> }).jobs;
  return Object.values(jobs).flatMap(job => job.steps.flatMap(step => (step.run ? [{ name: step.name ?? step.run, run: step.run }] : [])));
}
