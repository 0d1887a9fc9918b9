import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, parseDocument, YAMLError } from 'yaml';
import { SpecProblem } from './spec-error';
import { FORBIDDEN_KEYS, MAX_ALIAS_COUNT, MAX_EXPANDED_SIZE, MAX_SPEC_DEPTH, showSize } from './spec-limits';
import { pathAtOffset, positionAt } from './yaml-positions';
import { formatPath, PathSegment, show } from '../diagnostics/problems';

/** A spec file parsed as YAML, with what is needed to point back into the text. */
export interface ParsedYaml {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
}

/** The dotted path of a problem, with a readable stand-in for the whole file. */
export function specPath(path: readonly PathSegment[]): string {
  return path.length === 0 ? '(top level)' : formatPath([...path]);
}

/** Plain words for the YAML errors people meet most; the parser's own message otherwise. */
function yamlMessage(error: YAMLError, key: string | undefined): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `the key ${key !== undefined ? `${show(key)} ` : ''}appears twice in the same mapping; keep one (YAML would silently keep the last)`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (`---`); a spec is one document, so split the file';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    case 'TAG_RESOLVE_FAILED':
      return `${error.message.replace('tag:yaml.org,2002:', '!!')}; a spec holds plain YAML data only (strings, numbers, booleans, lists, mappings), so remove the tag`;
    default:
      return `invalid YAML: ${error.message.replace(/\s+/g, ' ').trim()}`;
  }
}

/**
 * Parses the text as YAML (JSON is YAML): syntax errors, warnings (such as unknown tags) and
 * duplicate keys are all problems, each with its line and column. Nothing is converted to
 * JavaScript yet, so aliases are not expanded.
 */
export function parseYaml(text: string): { parsed: ParsedYaml; problems: SpecProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    version: '1.2',
    // Plain data only: no !!binary, !!set, !!timestamp... (they would become Buffers, Sets and Dates).
    resolveKnownTags: false,
  });
  const seen = new Set<string>();
  const problems: SpecProblem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const offset = error.pos[0];
    const path = pathAtOffset(doc, offset);
    const key = error.code === 'DUPLICATE_KEY' ? String(path[path.length - 1] ?? '') : undefined;
    const problem = { path: specPath(path), ...positionAt(lineCounter, offset), message: yamlMessage(error, key) };
    const id = `${problem.line}:${problem.column}:${problem.message}`;
    if (!seen.has(id)) problems.push(problem);
    seen.add(id);
  }
  return { parsed: { doc, lineCounter }, problems };
}

/**
 * Keys that must never reach JavaScript objects, found in the document tree (aliases are not
 * followed, so this costs one pass over the text): `__proto__`, `constructor` and `prototype`;
 * keys that are not plain text (lists or mappings used as keys); and keys YAML reads as numbers,
 * booleans or null, which JavaScript would turn into text that differs from what was written
 * (the version key `1.10` would become "1.1"). Nesting deeper than {@link MAX_SPEC_DEPTH} is
 * refused too, before anything recursive runs over it.
 */
export function checkKeys(parsed: ParsedYaml): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const stack: Array<{ node: unknown; path: PathSegment[] }> = [{ node: parsed.doc.contents, path: [] }];
  const at = (node: Node | null | undefined, path: PathSegment[], message: string) => {
    const offset = node?.range?.[0];
    problems.push({ path: specPath(path), ...(offset !== undefined ? positionAt(parsed.lineCounter, offset) : {}), message });
  };
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (path.length > MAX_SPEC_DEPTH && (isSeq(node) || isMap(node))) {
      at(node, path.slice(0, 2), `nests lists and mappings more than ${MAX_SPEC_DEPTH} levels deep; a chain spec needs far fewer`);
      continue;
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key)) {
          at(key ?? (pair.value as Node | null), path, `has a key that is ${isAlias(key) ? 'an alias' : key ? 'a list or mapping' : 'empty'}; `
            + 'keys must be plain text');
          continue;
        }
        // The key as written: YAML reads `1.10` as the number 1.1, and the path must show what the user wrote.
        const childPath = [...path, typeof key.value === 'string' ? key.value : key.source ?? String(key.value)];
        if (typeof key.value === 'string' && FORBIDDEN_KEYS.includes(key.value)) {
          at(key, childPath, `${show(key.value)} is not allowed as a key, anywhere: it could change how JavaScript objects behave; remove or rename it`);
          continue;
        }
        if (typeof key.value !== 'string') {
          const written = key.source ?? String(key.value);
          at(key, childPath, `the key ${written} is read as ${key.value === null ? 'null' : `a ${typeof key.value}`}, not as text; `
            + `quote it: ${show(written)}`);
        }
        stack.push({ node: pair.value, path: childPath });
      }
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * The size of the document once its aliases are expanded, in characters of scalars plus one
 * per node, computed without expanding: each anchored node's size is worked out once.
 * Depth is already bounded by {@link checkKeys}, so the recursion is shallow.
 */
function expandedSize(doc: Document): number {
  const sizes = new Map<Node, number>();
  const sizeOf = (node: unknown): number => {
    if (isAlias(node)) {
      const target = node.resolve(doc) as Node | undefined;
      return target ? sizeOf(target) : 1;
    }
    if (!node || typeof node !== 'object') return 1;
    const known = sizes.get(node as Node);
    if (known !== undefined) return known;
    let size = 1;
    if (isScalar(node)) size += String(node.value).length;
    else if (isSeq(node)) for (const item of node.items) size += sizeOf(item);
    else if (isMap(node)) for (const pair of node.items) size += sizeOf(pair.key) + sizeOf(pair.value);
    sizes.set(node as Node, size);
    return Math.min(size, Number.MAX_SAFE_INTEGER);
  };
  return sizeOf(doc.contents);
}

/**
 * Converts the document to plain JavaScript values. Alias expansion is capped twice: a
 * document whose aliases would expand past {@link MAX_ALIAS_COUNT} expansions, or to more than
 * {@link MAX_EXPANDED_SIZE} of data, is refused at once.
 */
export function toValue(parsed: ParsedYaml): { value?: unknown; problems: SpecProblem[] } {
  const expanded = expandedSize(parsed.doc);
  if (expanded > MAX_EXPANDED_SIZE) {
    return {
      problems: [{
        path: '(top level)',
        message: `the YAML aliases (*name) would expand the spec to about ${showSize(expanded)} of data, `
      + `more than the ${showSize(MAX_EXPANDED_SIZE)} a spec may hold; an alias bomb is refused. Use fewer aliases of large parts, `
      + 'or move shared settings to `defaults`',
      }],
    };
  }
  try {
    return { value: parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = /alias/i.test(reason)
      ? `the YAML aliases (*name) would expand too much (${reason}); an alias bomb is refused. `
        + `Use at most ${MAX_ALIAS_COUNT} alias expansions, or write the values out`
      : `the YAML cannot be read as data: ${reason}`;
    return { problems: [{ path: '(top level)', message }] };
  }
}
