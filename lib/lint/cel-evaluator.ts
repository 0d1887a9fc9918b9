import type * as Cel from '@bufbuild/cel';
import type { CelInputValue } from './cel-values';

/*
 * CEL as the Kubernetes API server evaluates a CRD's `x-kubernetes-validations` rules: the
 * standard library with its macros (`has`, `all`, `exists`, `exists_one`, `filter`, `map`),
 * `matches` (RE2), `duration()`, `size()`, `in`, the strings extension (`split`, `indexOf`,
 * `lowerAscii`...) and Kubernetes' own functions that the CEL library lacks (see
 * {@link kubernetesFunctions}). Each rule is compiled once and kept.
 */

/** The outcome of one rule on one value. */
export type RuleOutcome =
  | { readonly kind: 'passed' }
  | { readonly kind: 'failed' }
  /** The rule could not be compiled or evaluated (a missing field, a bad duration...); the API server refuses the object too. */
  | { readonly kind: 'error'; readonly message: string };

/** A compiled rule: evaluates it with `self` bound to a value. */
export type CompiledRule = (self: CelInputValue) => RuleOutcome;

type CelLibrary = typeof Cel;

let library: { cel: CelLibrary; env: Cel.CelEnv } | undefined;
const compiled = new Map<string, CompiledRule>();

/** The CEL library and the environment, loaded on first use: only `validate` needs them. */
function celLibrary(): { cel: CelLibrary; env: Cel.CelEnv } {
  if (!library) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const cel = require('@bufbuild/cel') as CelLibrary;
    const { strings } = require('@bufbuild/cel/ext') as typeof import('@bufbuild/cel/ext');
    /* eslint-enable @typescript-eslint/no-require-imports */
    library = { cel, env: cel.celEnv({ funcs: [...strings, ...kubernetesFunctions(cel)] }) };
  }
  return library;
}

/**
 * The Kubernetes CEL library functions the CEL library has no equivalent of: `isURL(string)`
 * (whether the text is an absolute URI or an absolute path, as Go's url.ParseRequestURI reads it).
 * The two CRD files of crds/ use none of the others (`url()`, `quantity()`, `ip()`, `cidr()`, list
 * `indexOf`...); a rule calling one fails to evaluate and is reported as such.
 * @see https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-url-library
 */
function kubernetesFunctions(cel: CelLibrary): Cel.CelFunc[] {
  return [cel.celFunc('isURL', [cel.CelScalar.STRING], cel.CelScalar.BOOL, (text: string) => isRequestUri(text))];
}

/** Whether a text parses as a request URI: an absolute URL with a scheme, or a path starting with `/`. */
export function isRequestUri(text: string): boolean {
  if (text === '' || /[\s\u0000-\u001f\u007f]/.test(text)) return false;
  if (text.startsWith('/')) return true;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):(.+)$/.exec(text);
  if (!scheme) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether a rule compares with the old object: a transition rule, which a lone manifest cannot be checked against. */
export function isTransitionRule(rule: string): boolean {
  return /\boldSelf\b/.test(rule);
}

/** A rule compiled once, then taken from the cache. A rule that does not parse gives an `error` outcome for every value. */
export function compileRule(rule: string): CompiledRule {
  let compiledRule = compiled.get(rule);
  if (compiledRule) return compiledRule;
  const { cel, env } = celLibrary();
  try {
    const evaluate = cel.plan(env, cel.parse(rule));
    compiledRule = (self: CelInputValue) => {
      const result = evaluate({ self } as Record<string, Cel.CelInput>);
      if (cel.isCelError(result)) return { kind: 'error', message: result.message };
      return result === true ? { kind: 'passed' } : { kind: 'failed' };
    };
  } catch (error) {
    const message = `does not compile: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    compiledRule = () => ({ kind: 'error', message });
  }
  compiled.set(rule, compiledRule);
  return compiledRule;
}
