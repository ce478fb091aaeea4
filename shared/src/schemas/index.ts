export * from './filing-context';
export * from './schema-codes';
export * from './zod-field-errors';
export * from './draft.schema';
export * from './subject.schema';
export * from './principal.schema';
export * from './website.schema';
export * from './step-validation';
