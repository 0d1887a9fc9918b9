// @ts-check
/*
 * Mutation testing of the core: the resolved model (lib/model), the constructs that render it
 * (lib/constructs), the validation rules (lib/validation) and the messages they share
 * (lib/diagnostics: problems, paths, the schema error translator). Run with `npx projen mutation`;
 * the HTML report lands in reports/mutation/.
 *
 * Jest runs in process with per-test coverage, so each mutant runs only the tests that reach
 * it. Only the tests of the core take part, gathered in one file (test/mutation/): the
 * validation rule tables, the building blocks, the chain shapes and the lane rules. Every chain
 * the other suites build also runs every validation rule, so letting them in would make every
 * mutant run most of the suite without killing more (and the tests that drive the command in
 * a child process cannot see a mutant at all: the child loads the unmutated bundle).
 */

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  mutate: [
    'lib/model/**/*.ts',
    'lib/constructs/**/*.ts',
    'lib/validation/**/*.ts',
    'lib/diagnostics/**/*.ts',
  ],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'test/mutation/jest.config.js',
    enableFindRelatedTests: false,
  },
  coverageAnalysis: 'perTest',
  // Two cores: one jest worker per core.
  concurrency: 2,
  // Jest keeps memory from run to run in a long-lived worker (2.8 GB after 1,200 mutants, and
  // each run slower than the last); a fresh worker every 100 mutants keeps runs fast.
  maxTestRunnerReuse: 100,
  // A mutant's run takes under 2 s on an idle machine; 5 s more (and twice the tests' own time)
  // keeps a slow run from passing for a mutant that loops, yet ends a loop quickly (the last full
  // run had 41 such mutants; at 10 s they cost four minutes).
  timeoutMS: 5000,
  timeoutFactor: 2,
  // Mutants are only re-tested where the code or the tests changed since the last run.
  // The incremental file is a local cache (gitignored): it follows one working tree.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  ignorePatterns: ['build', 'bench/results', 'reports', 'test-reports', 'coverage'],
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  // ts-jest transpiles without type-checking, but stay explicit: mutated sources are not type-checked.
  disableTypeChecks: 'lib/**/*.ts',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

export default config;
