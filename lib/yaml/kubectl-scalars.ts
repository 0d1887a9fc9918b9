import { asText, ScalarReading } from './scalar-reading';

/*
 * kubectl reads manifests with go-yaml v2 (through sigs.k8s.io/yaml) into untyped maps. Its
 * rules for an untagged plain scalar, restated from its behaviour (test/yaml-kubectl.test.ts checks them against kubectl):
 * - only a scalar starting with a sign, a digit, a dot or one of `yYnNtTfFoO~` (or the empty
 *   one) can be anything but text;
 * - a fixed set of words are booleans, null and the float specials (`<<` is a merge key only
 *   where it is a key; as a value it is text);
 * - a scalar starting with a sign or digit has its underscores dropped and is then an
 *   integer as Go reads integer literals (`0x1F`, `0X1F`, `0o644`, `0O644`, `0b101`,
 *   `0B101`, `0644` octal) if it fits 64 bits, or else a float of the form
 *   `[-+]?(.d+|d+(.d*)?)([eE][-+]?d+)?` (so `08`, `1_0.5` and a 30-digit integer are floats) if
 *   it is finite; anything else is text (`0x` and 19 hex digits, `1e400`);
 * - a date or date-time (`2001-12-14`) is a timestamp, which an untyped map keeps as text,
 *   so it stays text here;
 * - there are no base-60 numbers (`1:20` is text).
 */

/** The words go-yaml v2 resolves, whatever the context. */
const WORDS = new Map<string, ScalarReading>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']
    .map(word => [word, { kind: 'boolean', value: true }] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']
    .map(word => [word, { kind: 'boolean', value: false }] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map(word => [word, { kind: 'null' }] as const),
  ...['.nan', '.NaN', '.NAN'].map(word => [word, { kind: 'number', value: NaN }] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map(word => [word, { kind: 'number', value: Infinity }] as const),
  ...['-.inf', '-.Inf', '-.INF'].map(word => [word, { kind: 'number', value: -Infinity }] as const),
]);

/** First characters after which go-yaml v2 tries more than text. */
const MAY_RESOLVE = /^[-+0-9.yYnNtTfFoO~]/;
/** An integer literal as Go reads it with base prefix detection, underscores removed. */
const GO_INTEGER = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** go-yaml's float form, underscores removed. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** A float starting with a dot, as Go's float parser takes it (digits may be grouped with `_`). */
const DOT_FLOAT = /^\.[0-9]+(_?[0-9]+)*([eE][-+]?[0-9]+(_?[0-9]+)*)?$/;

/** The range of integers go-yaml v2 reads as numbers (int64, then uint64). */
const INT64_MIN = -(BigInt(2) ** BigInt(63));
const UINT64_MAX = BigInt(2) ** BigInt(64) - BigInt(1);

/** How kubectl (go-yaml v2) reads an untagged plain scalar. */
export function readAsKubectl(text: string): ScalarReading {
  if (text !== '' && !MAY_RESOLVE.test(text)) return asText(text);
  const word = WORDS.get(text);
  if (word) return word;
  if (text.startsWith('.')) {
    return DOT_FLOAT.test(text) ? { kind: 'number', value: Number(text.replace(/_/g, '')) } : asText(text);
  }
  if (!/^[-+0-9]/.test(text)) return asText(text);
  const plain = text.replace(/_/g, '');
  const integer = GO_INTEGER.test(plain) ? goInteger(plain) : undefined;
  if (integer !== undefined && integer >= INT64_MIN && integer <= UINT64_MAX) return { kind: 'number', value: asNumber(integer) };
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return { kind: 'number', value: Number(plain) };
  return asText(text);
}

/** The value of a Go integer literal (sign, then `0x`, `0o`, `0b`, a leading `0` for octal, or decimal). */
function goInteger(literal: string): bigint {
  const negative = literal.startsWith('-');
  const digits = literal.replace(/^[-+]/, '');
  const magnitude = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits.toLowerCase());
  return negative ? -magnitude : magnitude;
}

/** A number where it is exact, a bigint beyond. */
function asNumber(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
