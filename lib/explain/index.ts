export * from './explain-types';
export * from './trace-graph';
export * from './paths';
export * from './render';
export * from './explain-chain';
