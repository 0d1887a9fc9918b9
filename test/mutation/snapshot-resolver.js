// @ts-check
const { dirname, join } = require('path');

/*
 * Where the core suite of mutation runs (core.mutation.ts) keeps its snapshots: a file of its
 * own, test/mutation/__snapshots__/core.mutation.ts.snap, which is not committed. A mutation
 * run's first, unmutated run writes it in Stryker's sandbox, and every mutant's run is compared
 * with that. The committed snapshots belong to `npm test`, which runs each test file on its own;
 * a run of this suite by hand writes here and leaves them alone.
 */

const SUITE = 'core.mutation.ts';

module.exports = {
  resolveSnapshotPath: (testPath, extension) => join(dirname(testPath), '__snapshots__', `${SUITE}${extension}`),
  resolveTestPath: (snapshotPath, extension) => join(dirname(snapshotPath), '..', SUITE),
  testPathForConsistencyCheck: join(__dirname, SUITE),
};
