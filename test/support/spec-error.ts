import { SpecError } from '../../lib/spec';

/** The SpecError `run` throws; fails the test if it throws anything else or nothing. */
export function specError(run: () => unknown): SpecError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error('expected a SpecError, but the spec was accepted');
}
