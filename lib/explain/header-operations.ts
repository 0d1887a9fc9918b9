import { HeaderOperationsSpec } from './istio-spec';

/**
 * The headers after a route's request header operations: `remove`, then `set` (overwrite),
 * then `add` (appended to an existing value with a comma). Names are case-insensitive.
 */
export function applyHeaderOperations(
  headers: Record<string, string>, operations: HeaderOperationsSpec | undefined,
): Record<string, string> {
  if (operations === undefined) return headers;
  const result = { ...headers };
  for (const name of operations.remove ?? []) delete result[name.toLowerCase()];
  for (const [name, value] of Object.entries(operations.set ?? {})) result[name.toLowerCase()] = String(value);
  for (const [name, value] of Object.entries(operations.add ?? {})) {
    const key = name.toLowerCase();
    result[key] = result[key] === undefined ? String(value) : `${result[key]},${value}`;
  }
  return result;
}

/** Only the headers named in `names` (case-insensitive): what an application copies onto its own calls. */
export function forwardedHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of names.map(n => n.toLowerCase())) {
    if (headers[name] !== undefined) result[name] = headers[name];
  }
  return result;
}
