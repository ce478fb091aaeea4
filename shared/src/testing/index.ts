export * from './draft-fixtures';
