export * from './draft-fixtures';
export * from './api-test-kit';
