import { PathSegment } from './problems';

/**
 * The path of a JSON pointer (`/spec/http/0/route`) into `root`: a segment is a number where
 * the value it indexes is a list, so the path prints as `spec.http[0].route`.
 */
export function pointerPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(current) && /^\d+$/.test(key) ? Number(key) : key;
    path.push(segment);
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return path;
}
