// @ts-check
const { dirname, join } = require('path');

/*
 * Where the core suite of mutation runs (core.mutation.ts) keeps its snapshots: in the
 * snapshot file of the one core test file that takes snapshots, chain-shapes.test.ts, whose
 * tests keep their names inside the suite.
 */

const SUITE = 'core.mutation.ts';
const SNAPSHOTS_OF = 'chain-shapes.test.ts';

module.exports = {
  resolveSnapshotPath: (testPath, extension) => join(dirname(testPath), '..', '__snapshots__', `${SNAPSHOTS_OF}${extension}`),
  resolveTestPath: (snapshotPath, extension) => join(dirname(snapshotPath), '..', 'mutation', SUITE),
  testPathForConsistencyCheck: join(__dirname, SUITE),
};
