export * from './entry';
export * from './options';
export * from './traced-path';
export * from './trace';
export * from './explain-chain';
