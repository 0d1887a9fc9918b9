import { stringify } from 'yaml';

/**
 * Keys written first, in this order, wherever they appear; other keys keep the order the
 * bindings gave them. Identity before content (`name` before `labels`), selectors before
 * what they select, conditions before actions (`match` before `route`): the order in which
 * people write these objects by hand.
 */
const LEADING_KEYS = [
  'apiVersion', 'kind', 'metadata', 'spec',
  'name', 'namespace', 'labels', 'annotations',
  'host', 'hosts', 'gateways', 'trafficPolicy', 'subsets',
  'replicas', 'imagePullSecrets', 'containers', 'image', 'imagePullPolicy', 'env',
  'ports', 'selector', 'template',
  'match', 'delegate', 'route', 'destination', 'weight',
  'requests', 'limits',
];
const RANK = new Map(LEADING_KEYS.map((key, i) => [key, i]));

/** Returns a copy with the keys of every mapping in reading order. @internal */
export function inReadingOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inReadingOrder);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const leading = keys.filter(key => RANK.has(key)).sort((a, b) => RANK.get(a)! - RANK.get(b)!);
  const rest = keys.filter(key => !RANK.has(key));
  const record = value as Record<string, unknown>;
  return Object.fromEntries([...leading, ...rest].map(key => [key, inReadingOrder(record[key])]));
}

/**
 * The YAML 1.1 schema makes the writer quote every string a YAML 1.1 reader would take for
 * something else (`on`, `yes`, `1:20`): kubectl reads manifests that way.
 */
const YAML_OPTIONS = { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false } as const;

/**
 * Renders documents as one multi-document YAML text: keys in reading order, block style,
 * two-space indent, no line folding and no anchors, so it reads like hand-written YAML
 * and is byte-stable from run to run.
 */
export function renderYaml(documents: unknown[]): string {
  return documents
    .map(document => stringify(inReadingOrder(document), YAML_OPTIONS))
    .join('---\n');
}
