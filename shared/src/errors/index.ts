export * from './error-body';
export * from './api-error-codes';
