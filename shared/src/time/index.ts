export * from './china-time';
