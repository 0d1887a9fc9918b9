export * from './load-spec';
export * from './read-spec-file';
export * from './spec-error';
export * from './spec-limits';
