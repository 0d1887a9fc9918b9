import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { chainFiles, ChainFilesOptions, ServiceChain, ServiceChainProps } from '../../lib';

/** A parsed Kubernetes object, loosely typed for assertions. */
export type Manifest = Record<string, any>;

/** Parses every document of a YAML text. */
export function parseYaml(text: string): Manifest[] {
  return parseAllDocuments(text).map(document => document.toJS());
}

/** Parses every document of a YAML file. */
export function readYaml(path: string): Manifest[] {
  return parseYaml(readFileSync(path, 'utf8'));
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'chain-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Builds a chain in a fresh app. */
export function buildChain(props: ServiceChainProps): ServiceChain {
  return new ServiceChain(new Chart(new App(), 'test'), 'chain', props);
}

/** Builds a chain and returns its files as path -> parsed documents. */
export function synthChain(props: ServiceChainProps, options: ChainFilesOptions = {}): Map<string, Manifest[]> {
  const files = chainFiles(buildChain(props), options);
  return new Map(files.map(file => [file.path, file.documents as Manifest[]]));
}

/** Finds the one object of a kind and name among documents. */
export function find(documents: Manifest[], kind: string, name: string): Manifest {
  const found = documents.filter(d => d.kind === kind && d.metadata?.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0];
}
