/** The largest spec file read: bigger files are refused before they are read whole. */
export const MAX_SPEC_BYTES = 5 * 1024 * 1024;

/**
 * The most alias expansions a spec may need. A few aliases are handy; an "alias bomb"
 * (aliases of aliases, growing exponentially) is refused as soon as it passes this count.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * The most data a spec may hold once its aliases are expanded (characters of values, plus one
 * per value): as much as the largest file, so that aliases within {@link MAX_ALIAS_COUNT} cannot
 * expand a small file into a huge one.
 */
export const MAX_EXPANDED_SIZE = 5 * 1024 * 1024;

/** The deepest nesting of lists and mappings read; a chain spec needs about eight levels. */
export const MAX_SPEC_DEPTH = 64;

/** The most problems a SpecError message lists; its `problems` keep them all. */
export const MAX_LISTED_PROBLEMS = 100;

/** Keys that could change how JavaScript objects behave (prototype pollution); refused anywhere. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Shows a size in bytes the way people read it: `10.0 MB`. */
export function showSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}
