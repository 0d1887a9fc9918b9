import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import { Finding } from './findings';
import { LoadedManifest } from './load';
import { findingAbout } from './loaded-objects';
import { formatPath, PathSegment } from '../diagnostics/problems';
import { doubleQuoted } from '../yaml/double-quoted';
import { YAML_READERS } from '../yaml/readers';
import { describeReading, ScalarReading, sameReading } from '../yaml/scalar-reading';

/** Something in a hand-written YAML document that readers do not all read alike. */
export interface YamlHazard {
  /** Where: the path to the value, or to the key (then `key` is true); empty outside any value. */
  readonly path: PathSegment[];
  /** Whether the scalar is a mapping key. */
  readonly key: boolean;
  /** The scalar's text as written (for a raw separator outside any value, the separators). */
  readonly text: string;
  /** What each reader makes of it, when it is a plain scalar that readers disagree on. */
  readonly readings?: ReadonlyArray<{ readonly reader: string; readonly reading: ScalarReading }>;
  /** The line-breaking characters it holds raw: U+2028, U+2029, U+0085. */
  readonly rawBreaks?: readonly string[];
}

/** Characters that are line breaks in YAML 1.1 but not in YAML 1.2: kubectl, kustomize and PyYAML fail on them or change them. */
const RAW_BREAK = /[\u2028\u2029\u0085]/;

/** Recent plain texts that every reader reads alike (most texts repeat from object to object). */
const agreed = new Set<string>();
/** How many such texts are kept at most. */
const AGREED_KEPT = 10_000;

/** What each reader makes of a plain text, when they do not all agree; `undefined` when they do. */
function disagreement(text: string): YamlHazard['readings'] {
  if (agreed.has(text)) return undefined;
  const readings = YAML_READERS.map(reader => ({ reader: reader.name, reading: reader.read(text) }));
  if (!readings.every(({ reading }) => sameReading(reading, readings[0].reading))) return readings;
  if (agreed.size >= AGREED_KEPT) agreed.clear();
  agreed.add(text);
  return undefined;
}

/**
 * Finds, in one parsed YAML document and the source it came from, the untagged plain
 * scalars that YAML 1.1, kubectl and YAML 1.2 readers read as different types or values
 * (`on`, `0o644`, `012`, `2001-12-14`), and the scalars that hold a raw U+2028, U+2029 or
 * NEL. A merge key (`<<`) is taken as meant. Walks without recursion, so deep nesting is safe.
 */
export function findYamlHazards(document: Document, source: string): YamlHazard[] {
  const hazards: YamlHazard[] = [];
  const [start, , end] = document.range ?? [0, 0, 0];
  const breakOffsets = rawBreakOffsets(source, start, end);
  const breaksIn = (from: number, to: number) => [...new Set(breakOffsets.filter(at => at >= from && at < to).map(at => source[at]))];
  const covered = new Set<number>();
  const stack: Array<{ node: unknown; path: PathSegment[]; key: boolean }> = [{ node: document.contents, path: [], key: false }];
  while (stack.length > 0) {
    const { node, path, key } = stack.pop()!;
    if (isScalar(node)) {
      const [from, to] = node.range ?? [0, 0];
      const hazard = scalarHazard(node, path, key, breakOffsets.length > 0 ? breaksIn(from, to) : []);
      if (hazard) hazards.push(hazard);
      if (hazard?.rawBreaks) breakOffsets.filter(at => at >= from && at < to).forEach(at => covered.add(at));
    } else if (isMap(node)) {
      for (const pair of [...node.items].reverse()) {
        const name = isScalar(pair.key) ? String(pair.key.source ?? pair.key.value) : String(pair.key);
        stack.push({ node: pair.value, path: [...path, name], key: false }, { node: pair.key, path: [...path, name], key: true });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, i], key: false });
    }
  }
  const elsewhere = [...new Set(breakOffsets.filter(at => !covered.has(at)).map(at => source[at]))];
  if (elsewhere.length > 0) hazards.push({ path: [], key: false, text: elsewhere.join(''), rawBreaks: elsewhere });
  return hazards;
}

/** Offsets of the raw line-breaking characters of {@link RAW_BREAK} in `source` from `start` to `end`. */
function rawBreakOffsets(source: string, start: number, end: number): number[] {
  const offsets: number[] = [];
  const text = source.slice(start, end);
  if (!RAW_BREAK.test(text)) return offsets;
  for (let i = 0; i < text.length; i++) if (RAW_BREAK.test(text[i])) offsets.push(start + i);
  return offsets;
}

function scalarHazard(node: Scalar, path: PathSegment[], key: boolean, rawBreaks: string[]): YamlHazard | undefined {
  const text = typeof node.source === 'string' ? node.source : String(node.value);
  const plain = node.type === Scalar.PLAIN && !node.tag && !(key && text === '<<');
  const readings = plain ? disagreement(text) : undefined;
  if (!readings && rawBreaks.length === 0) return undefined;
  return { path, key, text, ...(readings ? { readings } : {}), ...(rawBreaks.length > 0 ? { rawBreaks } : {}) };
}

/** `U+2028 (line separator)`. */
function describeBreak(char: string): string {
  const names: Record<string, string> = { '\u2028': 'line separator', '\u2029': 'paragraph separator', '\u0085': 'next line, NEL' };
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} (${names[char]})`;
}

/** Readers grouped by what they read, in words: `the number 420 by kubectl and YAML 1.2`. */
function describeReadings(readings: NonNullable<YamlHazard['readings']>): string {
  const groups: Array<{ reading: ScalarReading; readers: string[] }> = [];
  for (const { reader, reading } of readings) {
    const group = groups.find(g => sameReading(g.reading, reading));
    if (group) group.readers.push(reader);
    else groups.push({ reading, readers: [reader] });
  }
  return groups.map(g => `as ${describeReading(g.reading)} by ${g.readers.join(' and ')}`).join(', but ');
}

/** The form of kubectl's reading that every reader reads alike, if it is not text: `420`, `true`. */
function agreedForm(readings: NonNullable<YamlHazard['readings']>): string | undefined {
  const kubectl = readings.find(r => r.reader === 'kubectl')?.reading;
  if (kubectl?.kind === 'boolean') return String(kubectl.value);
  if (kubectl?.kind === 'number' && Number.isFinite(Number(kubectl.value))) return String(kubectl.value);
  if (kubectl?.kind === 'null') return 'null';
  return undefined;
}

/** A hazard in plain words, with the fix. */
export function describeHazard(hazard: YamlHazard): string {
  const where = hazard.path.length === 0 ? 'in a comment or between values' : `${formatPath(hazard.path)}${hazard.key ? ' (the key)' : ''}`;
  const quoted = doubleQuoted(hazard.text);
  const parts: string[] = [];
  if (hazard.readings) {
    const form = agreedForm(hazard.readings);
    parts.push(`${where}: plain ${quoted.slice(1, -1)} is read ${describeReadings(hazard.readings)}. `
      + `Quote it (${quoted}) to keep the text${form !== undefined ? `, or write ${form} for the value kubectl reads` : ''}`);
  }
  if (hazard.rawBreaks) {
    const which = hazard.rawBreaks.map(describeBreak).join(' and ');
    const breaks = hazard.rawBreaks.length > 1 ? 'line breaks' : 'a line break';
    const fix = hazard.path.length === 0
      ? 'Remove it, or write it escaped (\\u2028, \\u2029, \\u0085) inside a double-quoted string'
      : `Write it escaped in a double-quoted string: ${quoted}`;
    parts.push(`${where}: holds ${which} raw, ${breaks} to YAML 1.1 readers (kubectl, kustomize, PyYAML), which fail or change the text. ${fix}`);
  }
  return parts.join('; ');
}

/**
 * Flags what the loader found in hand-written YAML that readers do not read alike: a
 * plain scalar that kubectl (YAML 1.1) reads as another type or value than YAML 1.2 does,
 * and raw line or paragraph separators and NEL. Each finding names the file, the object and
 * the path, and says how to fix it.
 */
export function checkYamlHazards(manifests: readonly LoadedManifest[]): Finding[] {
  return manifests.flatMap(manifest => (manifest.yamlHazards ?? []).map(hazard => findingAbout(manifest, describeHazard(hazard))));
}
