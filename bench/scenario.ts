import { rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { collectWritten, documentCount, outputDifference } from './collect';
import { measureNode, median, Runner, Sample } from './measure';

/** A spec to synthesize, and how many times. */
export interface Scenario {
  /** Short name in the report: `seed`, `50`... */
  readonly name: string;
  /** Path of the spec file. */
  readonly spec: string;
  /** Number of services in the spec. */
  readonly services: number;
  /** Measured runs of each side, after one warm-up run each. */
  readonly runs: number;
}

/** Where the measured scripts are. */
export interface Scripts extends Runner {
  /** The bundled CLI, build/cli/main.js. */
  readonly cli: string;
  /** The bundled floor, build/bench/floor.js. */
  readonly floor: string;
}

/** What a scenario measured: every sample of each side, and their medians. */
export interface ScenarioResult {
  readonly name: string;
  readonly services: number;
  /** Documents the CLI wrote, over all files. */
  readonly objects: number;
  readonly files: number;
  readonly cliMedianMs: number;
  readonly floorMedianMs: number;
  /** CLI median over floor median. */
  readonly ratio: number;
  readonly cliPeakMb: number;
  readonly floorPeakMb: number;
  readonly cli: Sample[];
  readonly floor: Sample[];
  /** Set when the floor did not write the CLI's documents, which would make the comparison meaningless. */
  readonly floorMismatch?: string;
}

/**
 * Runs a scenario in `workdir`: a warm-up CLI run whose output becomes the floor's
 * documents.json, a warm-up floor run checked against it, then the measured runs of the
 * CLI and the floor, interleaved so that drift of the machine hits both alike.
 */
export function runScenario(scripts: Scripts, scenario: Scenario, workdir: string): ScenarioResult {
  const cliOut = join(workdir, `${scenario.name}-cli`);
  const floorOut = join(workdir, `${scenario.name}-floor`);
  const documentsJson = join(workdir, `${scenario.name}-documents.json`);
  const cliRun = () => {
    rmSync(cliOut, { recursive: true, force: true });
    return measureNode(scripts, scripts.cli, ['synth', scenario.spec, '-o', cliOut]);
  };
  const floorRun = () => {
    rmSync(floorOut, { recursive: true, force: true });
    return measureNode(scripts, scripts.floor, [documentsJson, floorOut]);
  };

  cliRun();
  const written = collectWritten(cliOut);
  if (documentCount(written) === 0) throw new Error(`${scripts.cli} wrote no documents for ${scenario.spec}; is it a real CLI bundle?`);
  writeFileSync(documentsJson, JSON.stringify(written));
  floorRun();
  const floorMismatch = outputDifference(written, collectWritten(floorOut));

  const cli: Sample[] = [];
  const floor: Sample[] = [];
  for (let i = 0; i < scenario.runs; i++) {
    cli.push(cliRun());
    floor.push(floorRun());
  }
  const cliMedianMs = median(cli.map(s => s.ms));
  const floorMedianMs = median(floor.map(s => s.ms));
  return {
    name: scenario.name,
    services: scenario.services,
    objects: documentCount(written),
    files: written.length,
    cliMedianMs,
    floorMedianMs,
    ratio: cliMedianMs / floorMedianMs,
    cliPeakMb: median(cli.map(s => s.peakMb)),
    floorPeakMb: median(floor.map(s => s.peakMb)),
    cli,
    floor,
    ...(floorMismatch ? { floorMismatch } : {}),
  };
}
