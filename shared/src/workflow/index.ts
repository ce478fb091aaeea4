export * from './workflow-actors';
export * from './order-steps.table';
export * from './order-kinds.table';
export * from './order-states.table';
export * from './order-transitions.table';
export * from './order-state-machine';
export * from './workflow-table.validator';
