import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node } from 'yaml';
import { PathSegment } from '../diagnostics/problems';

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The position of a source offset. */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The key of `map` whose text is `key`, compared as text (a YAML key `1` is the JS key "1"). */
function pairOf(map: Node, key: PathSegment) {
  if (!isMap(map)) return undefined;
  return map.items.find(pair => isScalar(pair.key) && String(pair.key.value) === String(key));
}

/**
 * Where a field is written: the value itself when it is a scalar (`port: 70000` points at
 * `70000`), else the key that introduces it. A path that goes past what the file holds, such
 * as a missing field, points at the deepest part that exists. Aliases are followed to their anchor.
 */
export function positionOfPath(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[]): Position | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc) ?? node;
    let next: Node | null | undefined;
    let nextKey: Node | undefined;
    if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | undefined;
    } else if (isMap(node)) {
      const pair = pairOf(node, segment);
      if (pair) {
        nextKey = pair.key as Node;
        next = pair.value as Node | null;
      }
    }
    if (next === undefined) break;
    node = next;
    keyNode = nextKey;
    if (node === null) break;
  }
  const target = node && (isScalar(node) || isAlias(node) || !keyNode) ? node : keyNode;
  const start = target?.range?.[0];
  return start === undefined ? undefined : positionAt(lineCounter, start);
}

/** The start and end offsets of a node, if it has a range. */
function span(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? [range[0], range[2]] : undefined;
}

/** The deepest path {@link pathAtOffset} follows, so that paths stay readable in messages. */
const MAX_PATH_DEPTH = 16;

/** The path of the deepest field (at most 16 levels down) whose key or value holds the source offset; `[]` when none does. */
export function pathAtOffset(doc: Document, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  const holds = (node: unknown) => {
    const range = span(node);
    return range !== undefined && range[0] <= offset && offset < range[1];
  };
  let node: unknown = doc.contents;
  while (path.length < MAX_PATH_DEPTH) {
    if (isMap(node)) {
      const pair = node.items.find(p => {
        const from = span(p.key)?.[0];
        const to = span(p.value)?.[1] ?? span(p.key)?.[1];
        return from !== undefined && to !== undefined && from <= offset && offset < to;
      });
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      if (!holds(pair.value)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(item => holds(item));
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else {
      return path;
    }
  }
  return path;
}
