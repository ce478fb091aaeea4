import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryRunner } from 'typeorm';

/** The query runner of the transaction the current code runs in (DatabaseService.transaction sets it). */
export const transactionScope = new AsyncLocalStorage<QueryRunner>();

/**
 * True when a query goes to the pool while the code issuing it is inside a live transaction: the transaction holds
 * one connection and waits for a second, so enough of them at once (a batch of jobs, a burst of requests) take every
 * connection of the pool and wait for each other for ever. Such code must use the transaction's `tx`.
 */
export function isQueryBesideTransaction(runner: QueryRunner | undefined): boolean {
  const open = openTransaction();
  return Boolean(open && runner && runner !== open);
}

/** The query runner of the transaction the calling code is inside, while that transaction is open. */
export function openTransaction(): QueryRunner | null {
  const runner = transactionScope.getStore();
  return runner && !runner.isReleased && runner.isTransactionActive ? runner : null;
}
