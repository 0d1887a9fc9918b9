import { findDeepNesting } from './nesting-scan';
import { readSpecFile } from './read-spec-file';
import { SpecError, SpecProblem } from './spec-error';
import { MAX_SPEC_BYTES, MAX_SPEC_DEPTH, showSize } from './spec-limits';
import { positionOfPath } from './yaml-positions';
import { checkKeys, ParsedYaml, parseYaml, specPath, toValue } from './yaml-source';
import { Problem } from '../diagnostics/problems';
import { ServiceChainProps } from '../props/chain-props';
import { validateChain } from '../validation/chain-rules';
import { checkShape } from '../validation/shape-check';

/** Places validation problems in the file, by the path of each, and lists them from the top of the file down. */
function located(parsed: ParsedYaml, problems: readonly Problem[]): SpecProblem[] {
  const placed: SpecProblem[] = problems.map(problem => ({
    path: specPath(problem.path),
    ...positionOfPath(parsed.doc, parsed.lineCounter, problem.path),
    message: problem.message,
  }));
  return placed.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * Reads chain props from the text of a spec file (YAML or JSON), in stages; each stage
 * reports every problem it finds, with line and column, and the first stage with problems
 * throws them as one {@link SpecError}:
 * 1. size: at most 5 MB;
 * 2. nesting: a scan of the text, before parsing, refuses flow collections or compact sequences
 *    nested more than 64 levels deep, in milliseconds (the parser would recurse into them);
 * 3. YAML: syntax, duplicate keys, unknown tags, more than one document;
 * 4. keys: no `__proto__`, `constructor` or `prototype`, no keys YAML reads as non-text, nesting
 *    at most 64 levels deep;
 * 5. aliases: expanded at most 100 times and to at most 5 MB of data, so alias bombs fail at once;
 * 6. shape: the JSON Schema schema/chain.schema.json (types, whole numbers, ranges, fields);
 * 7. rules: {@link validateChain}, only once the shape is right.
 * `fileName` names the file in messages.
 */
export function parseSpec(text: string, fileName: string): ServiceChainProps {
  if (text.length > MAX_SPEC_BYTES) {
    throw new SpecError(fileName, [{
      path: '(file)',
      message: `is ${showSize(text.length)} of text; a spec may be at most ${showSize(MAX_SPEC_BYTES)}, so check that this is the right file`,
    }]);
  }
  const deep = findDeepNesting(text, MAX_SPEC_DEPTH);
  if (deep !== undefined) {
    throw new SpecError(fileName, [{
      path: '(top level)',
      ...lineAndColumn(text, deep.offset),
      message: `nests lists and mappings more than ${MAX_SPEC_DEPTH} levels deep; a chain spec needs far fewer`,
    }]);
  }
  const { parsed, problems: yamlProblems } = parseYaml(text);
  if (yamlProblems.length > 0) throw new SpecError(fileName, yamlProblems);
  const keyProblems = checkKeys(parsed);
  if (keyProblems.length > 0) throw new SpecError(fileName, keyProblems);
  const { value, problems: aliasProblems } = toValue(parsed);
  if (aliasProblems.length > 0) throw new SpecError(fileName, aliasProblems);
  if (value === null || value === undefined) {
    throw new SpecError(fileName, [{
      path: '(top level)',
      line: 1,
      column: 1,
      message: 'the spec is empty; write a mapping with `services` and `entry`',
    }]);
  }
  const shapeProblems = checkShape(value);
  if (shapeProblems.length > 0) throw new SpecError(fileName, located(parsed, shapeProblems));
  const props = value as ServiceChainProps;
  const ruleProblems = validateChain(props).problems.list;
  if (ruleProblems.length > 0) throw new SpecError(fileName, located(parsed, ruleProblems));
  return props;
}

/** Reads and checks a spec file: {@link parseSpec} on its text, refusing files over 5 MB before reading them whole. */
export function loadSpecFile(path: string): ServiceChainProps {
  return parseSpec(readSpecFile(path), path);
}

/** The 1-based line and column of an offset, counted on the raw text (used before the YAML is parsed). */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
