export * from './objects';
export * from './hosts';
export * from './labels';
export * from './gateway-api';
