// @ts-check
const { rmSync } = require('fs');

/*
 * After a jest run: the run's temporary folder (global-setup.js) removed, and TMPDIR as it was
 * (a mutation run starts jest many times in one process).
 */
module.exports = async () => {
  const { root, outer } = /** @type {any} */ (globalThis).testTempRoot;
  if (outer === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outer;
  rmSync(root, { recursive: true, force: true });
};
