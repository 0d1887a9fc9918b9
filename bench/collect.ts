import { readFileSync } from 'fs';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { parseAllDocuments } from 'yaml';
import { WrittenFile } from './documents';
import { listFiles } from '../lib/output/drift';

/** Every file a synth wrote into `outdir`, with its YAML documents parsed. */
export function collectWritten(outdir: string): WrittenFile[] {
  return listFiles(outdir).map(path => ({
    path,
    documents: parseAllDocuments(readFileSync(join(outdir, path), 'utf8')).map(document => document.toJS()),
  }));
}

/** How many documents the files hold together. */
export function documentCount(files: WrittenFile[]): number {
  return files.reduce((total, file) => total + file.documents.length, 0);
}

/**
 * Why two outputs differ, or undefined when they hold the same files with the same
 * documents in the same order (key order aside, since cdk8s sorts keys).
 */
export function outputDifference(expected: WrittenFile[], actual: WrittenFile[]): string | undefined {
  const paths = (files: WrittenFile[]) => files.map(file => file.path).join(', ');
  if (paths(expected) !== paths(actual)) return `files differ: [${paths(expected)}] vs [${paths(actual)}]`;
  const differing = expected.find((file, i) => !isDeepStrictEqual(file.documents, actual[i].documents));
  return differing ? `documents of ${differing.path} differ` : undefined;
}
