// Reading a YAML or JSON spec into `ServiceChainProps`.
export { loadSpecFile, parseSpec } from './load-spec';
export type { SpecProblem } from './spec-error';
export { SpecError } from './spec-error';
