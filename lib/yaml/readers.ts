import { isScalar, ScalarTag, Schema } from 'yaml';
import { readAsKubectl } from './kubectl-scalars';
import { asText, isText, ScalarReading } from './scalar-reading';

/** A YAML reader, as far as untagged plain scalars go. */
export interface YamlReader {
  /** Who reads this way, for messages: `kubectl`. */
  readonly name: string;
  /** What the reader makes of `text` written as an untagged plain scalar. */
  read(text: string): ScalarReading;
}

const STRING_TAG = 'tag:yaml.org,2002:str';

/**
 * A reader that resolves plain scalars with a schema of the `yaml` library, the way its
 * parser does: the first tag whose pattern matches. Tags that apply to keys only (`<<`)
 * count too, since a text may be written as a key.
 */
function schemaReader(name: string, schema: Schema, extraWords: ReadonlyMap<string, ScalarReading> = new Map()): YamlReader {
  const tags = schema.tags.filter((tag): tag is ScalarTag => !tag.collection && tag.test !== undefined && (tag.default === true || tag.default === 'key'));
  return {
    name,
    read(text) {
      const word = extraWords.get(text);
      if (word) return word;
      const tag = tags.find(candidate => candidate.test!.test(text));
      if (!tag || tag.tag === STRING_TAG) return asText(text);
      const resolved = tag.resolve(text, () => undefined, {});
      return readingOf(isScalar(resolved) ? resolved.value : resolved, text);
    },
  };
}

function readingOf(value: unknown, text: string): ScalarReading {
  if (typeof value === 'string') return asText(value);
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number' || typeof value === 'bigint') return { kind: 'number', value };
  if (value === null || value === undefined) return { kind: 'null' };
  if (value instanceof Date) return { kind: 'timestamp' };
  if (typeof value === 'symbol') return { kind: 'merge key' };
  return asText(text);
}

/**
 * YAML 1.1 types that resolve anywhere for readers of the full 1.1 type repository (PyYAML
 * and its kind), which the `yaml` library takes as text outside keys.
 */
const YAML_1_1_KEYS = new Map<string, ScalarReading>([
  ['=', { kind: 'value key' }],
  ['<<', { kind: 'merge key' }],
]);

/**
 * The readers a manifest meets, strictest first: YAML 1.1 with its full type repository
 * (`yes`, `on`, `0644` octal, `1:20` base 60, dates, `=`, `<<`), kubectl (go-yaml v2: YAML
 * 1.1 booleans, and Go's integer literals `0o644`, `0X1F`, `0B101`), and YAML 1.2's core schema
 * (`0o644`, `1e3`, `.inf`; `on` is text).
 */
export const YAML_READERS: readonly YamlReader[] = [
  schemaReader('YAML 1.1', new Schema({ schema: 'yaml-1.1', merge: true }), YAML_1_1_KEYS),
  { name: 'kubectl', read: readAsKubectl },
  schemaReader('YAML 1.2', new Schema({ schema: 'core' })),
];

/** Whether every reader reads `text`, written as an untagged plain scalar, back as that very text. */
export function plainReadsBackAsText(text: string): boolean {
  return YAML_READERS.every(reader => isText(reader.read(text), text));
}
