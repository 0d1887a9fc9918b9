import { parseDocument, Scalar } from 'yaml';
import { HAS_KUBECTL } from './support/kubectl';
import { readWithKubectl } from './support/kubectl-read';
import { ALL_TRICKY_STRINGS } from './support/tricky-strings';
import { doubleQuoted, needsEscapes } from '../lib/yaml/double-quoted';
import { readAsKubectl } from '../lib/yaml/kubectl-scalars';
import { plainReadsBackAsText, YAML_READERS } from '../lib/yaml/readers';
import { describeReading, ScalarReading } from '../lib/yaml/scalar-reading';

/*
 * The writer quotes a string unless every reader reads it back as itself, and `validate`
 * flags plain scalars that readers disagree on: both rest on these readings.
 */

const readingsOf = (text: string) => Object.fromEntries(YAML_READERS.map(reader => [reader.name, describeReading(reader.read(text))]));

describe('how each reader reads a plain scalar', () => {
  test.each([
    ['on', 'the boolean true', 'the boolean true', 'the string "on"'],
    ['y', 'the boolean true', 'the boolean true', 'the string "y"'],
    ['0o644', 'the string "0o644"', 'the number 420', 'the number 420'],
    ['0X1F', 'the string "0X1F"', 'the number 31', 'the string "0X1F"'],
    ['0B101', 'the string "0B101"', 'the number 5', 'the string "0B101"'],
    ['012', 'the number 10', 'the number 10', 'the number 12'],
    ['0O644', 'the string "0O644"', 'the number 420', 'the string "0O644"'],
    ['1_000', 'the number 1000', 'the number 1000', 'the string "1_000"'],
    ['1:20', 'the number 80', 'the string "1:20"', 'the string "1:20"'],
    ['2001-12-14', 'a timestamp', 'the string "2001-12-14"', 'the string "2001-12-14"'],
    ['=', 'a value key (=)', 'the string "="', 'the string "="'],
    ['<<', 'a merge key (<<)', 'the string "<<"', 'the string "<<"'],
    ['~', 'null', 'null', 'null'],
    ['10', 'the number 10', 'the number 10', 'the number 10'],
    ['v1', 'the string "v1"', 'the string "v1"', 'the string "v1"'],
  ])('%s: YAML 1.1 reads %s, kubectl %s, YAML 1.2 %s', (text, yaml11, kubectl, yaml12) => {
    expect(readingsOf(text)).toEqual({ 'YAML 1.1': yaml11, kubectl, 'YAML 1.2': yaml12 });
  });

  test('text reads back as itself only when every reader agrees it is that text', () => {
    expect(['on', '0o644', '0X1F', '012', '1:20', '2001-12-14', '=', '<<', '', '1e3'].filter(plainReadsBackAsText)).toEqual([]);
    expect(['v1', 'x-lane', 'nan', 'Infinity', '0x', 'yes please'].filter(plainReadsBackAsText))
      .toEqual(['v1', 'x-lane', 'nan', 'Infinity', '0x', 'yes please']);
  });
});

describe('double-quoted scalars', () => {
  test('escape separators, NEL, BOM and controls as \\uXXXX, and are JSON strings', () => {
    const text = 'a\u2028b\u2029c\u0085d\uFEFFe\u007Ff\u0000g\r';
    expect(needsEscapes(text)).toBe(true);
    expect(doubleQuoted(text)).toBe('"a\\u2028b\\u2029c\\u0085d\\ufeffe\\u007ff\\u0000g\\r"');
    expect(JSON.parse(doubleQuoted(text))).toBe(text);
  });

  test('tab, line feed and printable text need no escapes', () => {
    expect(['a\tb', 'a\nb', 'é – ü', '\u00A0'].filter(needsEscapes)).toEqual([]);
  });
});

/** The tricky strings that can be written as an untagged plain scalar at all. */
const PLAIN_WRITABLE = ALL_TRICKY_STRINGS.filter(text => {
  if (text === '' || needsEscapes(text) || /[\n\t]/.test(text)) return false;
  const document = parseDocument(`- ${text}\n`);
  const item = (document.contents as { items?: unknown[] } | null)?.items?.[0];
  return document.errors.length === 0 && item instanceof Scalar && item.type === 'PLAIN' && item.source === text;
});

/** What kubectl prints for a reading: JSON cannot carry NaN or the infinities, so those are left out. */
function asJson(reading: ScalarReading): unknown {
  switch (reading.kind) {
    case 'string': case 'boolean': return reading.value;
    case 'number': return Number(reading.value);
    case 'null': return null;
    default: return reading.kind;
  }
}

(HAS_KUBECTL ? describe : describe.skip)('kubectl itself', () => {
  const printable = PLAIN_WRITABLE.filter(text => {
    const reading = readAsKubectl(text);
    return reading.kind !== 'number' || Number.isFinite(Number(reading.value));
  });
  const probe = `apiVersion: example.com/v1\nkind: Probe\nmetadata:\n  name: probe\nspec:\n  values:\n${printable.map(text => `    - ${text}\n`).join('')}`;

  test('reads every plain-writable tricky string as readAsKubectl says', () => {
    expect(printable.length).toBeGreaterThan(60);
    const read = readWithKubectl(probe);
    expect(read.error).toBeUndefined();
    const values = read.objects![0].spec.values as unknown[];
    expect(Object.fromEntries(printable.map((text, i) => [text, values[i]])))
      .toEqual(Object.fromEntries(printable.map(text => [text, asJson(readAsKubectl(text))])));
  });

  test('refuses a label value that it reads as a number: the writer must quote it', () => {
    const read = readWithKubectl('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    version: 0o10\n');
    expect(read.error).toMatch(/cannot unmarshal number/);
  });
});
