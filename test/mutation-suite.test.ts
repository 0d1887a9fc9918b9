import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

/*
 * Mutation runs (`npx projen mutation`) test the core against the test files gathered in
 * test/mutation/core.mutation.ts. A new test of the core that is not gathered there would
 * leave its mutants to the other tests; this keeps the list honest.
 */

const TEST_DIR = __dirname;

/** Test files that import the core's modules directly, yet are no tests of the core, and why. */
const NOT_GATHERED: Record<string, string> = {
  'bench.test.ts': 'checks the benchmark, which drives the command',
  'graph-render.test.ts': 'tests the diagram renderers of lib/graph',
  'output-collisions.test.ts': 'tests the output writer, through the command',
  'validation-schema.test.ts': 'checks that the generated schema files are current',
};

/** The test files core.mutation.ts imports. */
function gathered(): string[] {
  const suite = readFileSync(join(TEST_DIR, 'mutation', 'core.mutation.ts'), 'utf8');
  return [...suite.matchAll(/^import '\.\.\/([\w-]+\.test)';$/gm)].map(match => `${match[1]}.ts`);
}

test('every test file that imports lib/model, lib/constructs, lib/validation or lib/diagnostics is in the mutation suite, or says why not', () => {
  const testFiles = readdirSync(TEST_DIR).filter(file => file.endsWith('.test.ts'));
  const ofTheCore = testFiles.filter(file =>
    /from '\.\.\/lib\/(model|constructs|validation|diagnostics)\//.test(readFileSync(join(TEST_DIR, file), 'utf8')));
  const missing = ofTheCore.filter(file => !gathered().includes(file) && !(file in NOT_GATHERED));
  expect(missing).toEqual([]);
});

test('the mutation suite names only test files that exist', () => {
  const testFiles = readdirSync(TEST_DIR);
  expect(gathered().filter(file => !testFiles.includes(file))).toEqual([]);
  expect(gathered().length).toBeGreaterThanOrEqual(15);
});

/** Every `// Stryker disable next-line` mark under lib/, with the line of code it is meant for. */
function equivalenceMarks(dir = join(TEST_DIR, '..', 'lib')): { at: string; next: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return equivalenceMarks(path);
    if (!entry.name.endsWith('.ts')) return [];
    const lines = readFileSync(path, 'utf8').split('\n');
    return lines.flatMap((line, i) => {
      if (!line.includes('// Stryker disable next-line')) return [];
      const next = lines.slice(i + 1).find(candidate => !candidate.trim().startsWith('//')) ?? '';
      return [{ at: `${relative(join(TEST_DIR, '..'), path)}:${i + 1}`, next: next.trim() }];
    });
  });
}

test('every equivalence mark leads a statement or an expression, where Stryker reads it', () => {
  // Stryker reads a mark only as the leading comment of the node on the next line. Before a
  // line that continues an expression (`|| b`, `.filter(`, `? a : b`) or closes a block
  // (`} catch {`), no node starts there: the mark is ignored and its mutant survives.
  const marks = equivalenceMarks();
  expect(marks.length).toBeGreaterThan(50);
  expect(marks.filter(mark => /^(\}|\|\||&&|\?\?|\?|:|\.(?!\.\.))/.test(mark.next))).toEqual([]);
});
