import { CreateNodeOptions, DocumentOptions, Scalar, ScalarTag, SchemaOptions, stringify, ToStringOptions } from 'yaml';
import { doubleQuoted, needsEscapes } from '../yaml/double-quoted';
import { plainReadsBackAsText } from '../yaml/readers';

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
  'gatewayClassName', 'listeners', 'parentRefs', 'hostnames', 'rules', 'matches', 'filters', 'backendRefs',
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
 * Wraps the string tag so that it writes a string double-quoted when a plain scalar would not
 * read back as that string in every reader of `YAML_READERS` (`on`, `0o644`, `0X1F`,
 * `2001-12-14`, `=`), or when it holds a character that must be escaped (line and paragraph
 * separators, NEL, controls, BOM). Other strings are left to the library: plain where it can,
 * quoted or a block where it must.
 */
function readingBackAsWritten(stringTag: ScalarTag): ScalarTag {
  return {
    ...stringTag,
    stringify(item, ctx, onComment, onChompKeep) {
      const text = String((item as Scalar).value);
      if (mustBeDoubleQuoted(text)) return doubleQuoted(text);
      return stringTag.stringify!(item, ctx, onComment, onChompKeep);
    },
  };
}

/** Verdicts of {@link mustBeDoubleQuoted} for recent strings: names repeat across objects. */
const verdicts = new Map<string, boolean>();
/** How many verdicts are kept at most. */
const VERDICTS_KEPT = 10_000;

/** Whether `text` must be written double-quoted: see `readingBackAsWritten`. */
function mustBeDoubleQuoted(text: string): boolean {
  let verdict = verdicts.get(text);
  if (verdict === undefined) {
    verdict = needsEscapes(text) || !plainReadsBackAsText(text);
    if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
    verdicts.set(text, verdict);
  }
  return verdict;
}

const STRING_TAG = 'tag:yaml.org,2002:str';
const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * Block style, no line folding and no anchors; no merge keys, so that a string `<<` is a
 * string like any other; strings written so that YAML 1.1 (kubectl) and YAML 1.2 readers
 * read them back unchanged.
 */
const YAML_OPTIONS: DocumentOptions & SchemaOptions & CreateNodeOptions & ToStringOptions = {
  version: '1.1',
  lineWidth: 0,
  aliasDuplicateObjects: false,
  customTags: tags => tags
    .filter(tag => typeof tag !== 'object' || tag.tag !== MERGE_TAG)
    .map(tag => (typeof tag === 'object' && tag.tag === STRING_TAG ? readingBackAsWritten(tag as ScalarTag) : tag)),
};

/**
 * Renders documents as one multi-document YAML text: keys in reading order, block style,
 * two-space indent, no line folding and no anchors, so it reads like hand-written YAML
 * and is byte-stable from run to run. Every string reads back as itself in YAML 1.1 and 1.2
 * readers, kubectl's included.
 */
export function renderYaml(documents: unknown[]): string {
  return documents
    .map(document => stringify(inReadingOrder(document), YAML_OPTIONS))
    .join('---\n');
}
