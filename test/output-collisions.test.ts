import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ChainValidationError, validateChain } from '../lib';
import { ROOT } from './support/bundle';
import { buildChain, tempDir } from './support/manifests';
import { runInProcess } from './support/run-in-process';
import { seedChain } from './validation-support/seed-chains';
import { formatPath } from '../lib/diagnostics/problems';
import { RESERVED_VERSION_NAMES } from '../lib/model/layout-files';

/*
 * No two things write one path: every output path is worked out before anything is
 * written, and specs, layout files and versions that would collide are refused.
 */

const SEED = readFileSync(join(ROOT, 'examples', 'seed-weighted.yaml'), 'utf8');

/** A scratch folder holding the seed spec under each of these names. */
function specsNamed(...names: string[]): string {
  const dir = tempDir('specs-');
  for (const name of names) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), SEED);
  }
  return dir;
}

describe('several specs into one folder', () => {
  test.each([
    [['a/shop.yaml', 'b/shop.yaml'], /a\/shop\.yaml and b\/shop\.yaml would both go to the sub-folder shop\//],
    [['shop.yaml', 'shop.yml'], /shop\.yaml and shop\.yml would both go to the sub-folder shop\//],
    [['shop.yaml', 'shop.yaml'], /shop\.yaml and shop\.yaml would both go to the sub-folder shop\//],
    [['shop.yaml', '.yaml'], /\.yaml would go to the sub-folder "\.yaml", which is empty or hidden/],
    [['shop.yaml', '..yaml'], /\.\.yaml would go to the sub-folder "\.", which is empty or hidden/],
  ])('%j is refused before anything is written', (specs, message) => {
    const dir = specsNamed(...new Set(specs));
    const run = runInProcess(['synth', ...specs, '-o', 'out'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('all of the problems are listed at once', () => {
    const dir = specsNamed('a/shop.yaml', 'b/shop.yaml', '.yaml');
    const run = runInProcess(['synth', 'a/shop.yaml', 'b/shop.yaml', '.yaml', '-o', 'out'], dir);
    expect(run.stderr).toMatch(/sub-folder shop\//);
    expect(run.stderr).toMatch(/empty or hidden/);
  });

  test('one spec named ..yaml alone goes to the output folder itself, as any single spec does', () => {
    const dir = specsNamed('..yaml');
    expect(runInProcess(['synth', '..yaml', '-o', 'out'], dir).status).toBe(0);
    expect(existsSync(join(dir, 'out', 'routing.yaml'))).toBe(true);
  });
});

describe('version names that are file names of the layouts', () => {
  test('are routing, services, kustomization and 00-namespace', () => {
    expect([...RESERVED_VERSION_NAMES].sort()).toEqual(['00-namespace', 'kustomization', 'routing', 'services']);
  });

  test.each(RESERVED_VERSION_NAMES)('%s is refused at validation, with the path, the value and the fix', name => {
    const props = { ...seedChain, services: [seedChain.services[0], { ...seedChain.services[1], versions: { v1: {}, [name]: {} } }] };
    const problems = validateChain(props).problems.list.map(p => `${formatPath(p.path)}: ${p.message}`);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(
      `^services\\[1\\]\\.versions(\\.${name}|\\["${name}"\\]): "${name}" is the name of a file the output layouts write \\(${name}\\.yaml\\).*rename the version`)));
  });

  test('a spec with a version named routing is refused by synth, naming the line, and nothing is written', () => {
    const dir = tempDir('spec-');
    const spec = SEED.replace(/(- name: appb\n\s+versions: \{ v1: \{\}, )v2/, '$1routing');
    expect(spec).toMatch(/versions: \{ v1: \{\}, routing: \{\} \}/);
    writeFileSync(join(dir, 'shop.yaml'), spec);
    const run = runInProcess(['synth', 'shop.yaml', '-o', 'out'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/shop\.yaml:\d+:\d+: services\[1\]\.versions\.routing: "routing" is the name of a file/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('the construct throws ChainValidationError for them', () => {
    const props = { ...seedChain, services: [seedChain.services[0], { ...seedChain.services[1], versions: { v1: {}, services: {} } }] };
    expect(() => buildChain(props)).toThrow(ChainValidationError);
    expect(() => buildChain(props)).toThrow(/services\[1\]\.versions\.services\] "services" is the name of a file/);
  });
});
