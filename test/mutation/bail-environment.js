// @ts-check
const { TestEnvironment } = require('jest-environment-node');

/*
 * The test environment of mutation runs (test/mutation/jest.config.js): once a test has failed,
 * the tests after it are skipped. A mutant is killed by its first failing test, and jest cannot
 * bail within one test file (the core suite is one file, core.mutation.ts), so without this a
 * killed mutant would still run every test that covers it. Stryker wraps this environment with
 * its own, which records coverage and results.
 */
class BailEnvironment extends TestEnvironment {
  /** @type {boolean} */
  #failed = false;

  /** @param {import('jest-circus').Circus.Event} event */
  async handleTestEvent(event) {
    if (event.name === 'test_done' && event.test.errors.length > 0) this.#failed = true;
    if (event.name === 'test_start' && this.#failed) event.test.mode = 'skip';
  }
}

module.exports = BailEnvironment;
