import { App, Chart } from 'cdk8s';
import { ServiceChain } from '../lib/constructs/service-chain';
import { loadSpecFile } from '../lib/spec';

/** Reads a spec file and builds its chain. Spec problems surface as the loader's SpecError. */
export function chainFromSpec(specPath: string): ServiceChain {
  const props = loadSpecFile(specPath);
  return new ServiceChain(new Chart(new App(), 'spec'), 'chain', props);
}

/** Prints a chain's warnings to stderr, one per line. */
export function reportWarnings(chain: ServiceChain): void {
  for (const warning of chain.warnings) process.stderr.write(`warning: ${warning}\n`);
}
