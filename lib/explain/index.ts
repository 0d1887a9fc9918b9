export * from './entry';
export * from './options';
export * from './traced-path';
export * from './trace-graph';
export * from './paths';
export * from './trace';
export * from './explain-chain';
export * from './render';
