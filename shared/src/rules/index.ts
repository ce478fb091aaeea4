export * from './finding';
export * from './province-rules.table';
export type { PrecheckContext } from './precheck-context';
export * from './precheck';
export * from './in-flight-orders.rule';
export * from './letter-signing.rule';
export * from './precheck-miss';
export * from './resource-eligibility.table';
