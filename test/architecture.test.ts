import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

/*
 * The dependency rules of docs/ARCHITECTURE.md, enforced: every relative import of every
 * source file is mapped to the part it points into, and checked against what that part may use.
 */

const ROOT = resolve(__dirname, '..');

/** Each part, and the parts it may import (besides itself). `lib` is the top of the library: index and glue. */
const ALLOWED: Record<string, string[]> = {
  'lib/props': [],
  'lib/diagnostics': [],
  'lib/yaml': [],
  'lib/model': ['lib/props'],
  'lib/project-root': [],
  'lib/validation': ['lib/props', 'lib/model', 'lib/diagnostics', 'lib/project-root', 'lib/yaml'],
  'lib/constructs': ['lib/props', 'lib/model', 'lib/validation', 'lib/diagnostics', 'imports'],
  'lib/graph': ['lib/props', 'lib/model'],
  'lib/output': ['lib/props', 'lib/model', 'lib/constructs', 'lib/diagnostics', 'lib/yaml'],
  'lib/spec': ['lib/props', 'lib/validation', 'lib/diagnostics', 'lib/yaml'],
  'lib/manifests': ['lib/diagnostics', 'lib/yaml'],
  'lib/explain': ['lib/manifests', 'lib/diagnostics', 'lib/yaml'],
  'lib/lint': ['lib/manifests', 'lib/diagnostics', 'lib/project-root', 'lib/yaml'],
  'lib': ['lib/*', 'imports'],
  'cli': ['lib', 'lib/*'],
  'bench': ['lib', 'lib/*', 'cli'],
  'main.ts': ['lib', 'lib/*'],
  'imports': [],
};

/**
 * The part a file belongs to: its folder under lib/, or the top-level folder. Of the files
 * directly in lib/, project-root.ts (where the shipped schema/ folder is) is a leaf of its own;
 * the others are the library's top.
 */
function partOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'lib' && parts.length === 2) return parts[1].startsWith('project-root') ? 'lib/project-root' : 'lib';
  return parts[0] === 'lib' ? `lib/${parts[1]}` : parts[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap(name => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+'(\.[^']*)'/g)].map(m => m[1]);
}

function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  return ALLOWED[from].some(rule => rule === to || (rule === 'lib/*' && to.startsWith('lib/')));
}

const files = ['main.ts', ...sourceFiles('lib'), ...sourceFiles('cli'), ...sourceFiles('bench')];

test.each(files)('%s imports only what its part may use', file => {
  const from = partOf(file);
  expect(Object.keys(ALLOWED)).toContain(from);
  const violations = relativeImports(file)
    .map(spec => relative(ROOT, resolve(ROOT, dirname(file), spec)))
    .map(target => (existsSync(join(ROOT, target)) && statSync(join(ROOT, target)).isDirectory() ? `${target}/index` : target))
    .filter(target => !target.startsWith('package.json') && !target.startsWith('schema/'))
    .map(target => ({ target, part: partOf(target) }))
    .filter(({ part }) => !allowed(from, part))
    .map(({ target, part }) => `${file} (${from}) imports ${target} (${part})`);
  expect(violations).toEqual([]);
});

test('the rules can fail: a file of lib/lint importing the constructs is refused', () => {
  expect(allowed('lib/lint', 'lib/constructs')).toBe(false);
  expect(allowed('lib/explain', 'lib/props')).toBe(false);
  expect(allowed('lib/model', 'lib/validation')).toBe(false);
  expect(ALLOWED.lib.includes('cli') || ALLOWED.lib.includes('bench')).toBe(false);
});
