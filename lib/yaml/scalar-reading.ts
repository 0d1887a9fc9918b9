/**
 * What a YAML reader makes of an untagged plain (unquoted) scalar: text, or another type.
 * Numbers are one kind whatever their form (`10`, `012`, `1e1`), since they reach the
 * Kubernetes API as the same JSON number.
 */
export type ScalarReading =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'number'; readonly value: number | bigint }
  | { readonly kind: 'null' }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'merge key' }
  | { readonly kind: 'value key' };

/** The reading of `text` as itself. */
export function asText(text: string): ScalarReading {
  return { kind: 'string', value: text };
}

/** Whether a reading is the text itself. */
export function isText(reading: ScalarReading, text: string): boolean {
  return reading.kind === 'string' && reading.value === text;
}

/** Whether two readings give the same type and value (NaN equals NaN, `10` equals `10.0`). */
export function sameReading(a: ScalarReading, b: ScalarReading): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'number' && b.kind === 'number') {
    return a.value === b.value || Number(a.value) === Number(b.value) || (Number.isNaN(Number(a.value)) && Number.isNaN(Number(b.value)));
  }
  if ('value' in a && 'value' in b) return a.value === b.value;
  return true;
}

/** A reading in words, for messages: `the string "on"`, `the boolean true`, `the number 420`. */
export function describeReading(reading: ScalarReading): string {
  switch (reading.kind) {
    case 'string': return `the string ${JSON.stringify(reading.value)}`;
    case 'boolean': return `the boolean ${reading.value}`;
    case 'number': return `the number ${String(reading.value)}`;
    case 'null': return 'null';
    case 'timestamp': return 'a timestamp';
    case 'merge key': return 'a merge key (<<)';
    case 'value key': return 'a value key (=)';
  }
}
