import { parseAllDocuments } from 'yaml';
import { Finding, lintManifests } from '../../lib/lint';
import { LoadedManifest } from '../../lib/lint/load';
import { flattenLists } from '../../lib/manifests';

/** The objects of a YAML text (several documents, `kind: List` unpacked) as manifests of file `m.yaml`, without touching the disk. */
export function manifestsOf(yaml: string): LoadedManifest[] {
  const values = parseAllDocuments(yaml).map(document => document.toJS() as unknown).filter(value => value !== null);
  return flattenLists(values).map((object, index) => ({ file: 'm.yaml', index, object }));
}

/** Lints a YAML text in memory; each finding as `<Kind> <ns>/<name>: <message>`. */
export function lintYaml(yaml: string): string[] {
  return lintManifests(manifestsOf(yaml)).map((finding: Finding) => `${finding.object}: ${finding.message}`);
}
