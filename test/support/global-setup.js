// @ts-check
const { chmodSync, mkdtempSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

/*
 * Before a jest run: one temporary folder for the whole run, made the TMPDIR of every test and
 * every process the tests start. cdk8s's Testing.app() and the tests' own folders land in it,
 * and global-teardown.js removes it, so a run leaves nothing behind in the system's /tmp.
 */
module.exports = async () => {
  const root = mkdtempSync(join(tmpdir(), 'service-chain-tests-'));
  // Open to other users, as /tmp is: a lint test reads its files as an unprivileged user.
  chmodSync(root, 0o755);
  /** @type {any} */ (globalThis).testTempRoot = { root, outer: process.env.TMPDIR };
  process.env.TMPDIR = root;
};
