export * from './errors';
export * from './api';
export * from './catalog';
export * from './validate';
export * from './schemas';
export * from './workflow';
export * from './rules';
export * from './time';
