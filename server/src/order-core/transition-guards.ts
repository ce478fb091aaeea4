import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { TRANSITION_GUARDS, type OrderRejection, type TransitionGuard } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { AppException } from '../platform/errors/app-exception';
import type { FilingOrderEntity } from './filing-order.entity';

export type GuardedOrder = Pick<FilingOrderEntity, 'id' | 'ownerId' | 'kind' | 'status' | 'version'>;

/** What the move itself brings for its guard; each checker reads only its part. */
export interface GuardInput {
  /** The reviewer's reasons (`rejection_reasons_given`). */
  rejections?: readonly OrderRejection[];
  /** The 管局's reasons (`regulator_reasons_given`). */
  regulatorReasons?: readonly string[];
  /** The regulator submission whose SMS verifications decide (the SMS guards). */
  submissionId?: string;
}

/** Checks guards of the shared transition table against the data its module owns; throws the guard's error when one fails. */
export interface GuardChecker {
  check(guard: TransitionGuard, tx: EntityManager, order: GuardedOrder, input: GuardInput): Promise<void>;
}

/** `@ChecksGuards(['precheck_passed'])` on a provider, in the module that owns the guards' data, registers it as their checker. */
export const ChecksGuards = DiscoveryService.createDecorator<readonly TransitionGuard[]>();

/** The generic failure of a guard: 409 TRANSITION_NOT_ALLOWED with the guard's code and message from the table. */
export function guardFailed(guard: TransitionGuard): AppException {
  return new AppException('TRANSITION_NOT_ALLOWED', undefined, { reason: TRANSITION_GUARDS[guard].code }, TRANSITION_GUARDS[guard].message);
}

/** What is wrong with the registered checkers: a guard of the table without a checker or with several, an unknown guard. */
export function guardCoverage(registered: readonly { guards: readonly string[]; name: string }[]): string[] {
  const problems: string[] = [];
  for (const guard of Object.keys(TRANSITION_GUARDS)) {
    const owners = registered.filter((r) => r.guards.includes(guard)).map((r) => r.name);
    if (owners.length === 0) problems.push(`guard ${guard} has no checker`);
    if (owners.length > 1) problems.push(`guard ${guard} has ${owners.length} checkers (${owners.join(', ')})`);
  }
  for (const r of registered) for (const guard of r.guards) if (!(guard in TRANSITION_GUARDS)) problems.push(`${r.name} checks unknown guard ${guard}`);
  return problems;
}

/**
 * The one place the state machine finds a guard's checker. Filled at boot from the providers marked `@ChecksGuard`;
 * the app does not start while a guard of the table has no checker or more than one.
 */
@Injectable()
export class TransitionGuards implements OnModuleInit {
  private readonly checkers = new Map<TransitionGuard, GuardChecker>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: ChecksGuards.KEY })
      .filter((wrapper) => wrapper.instance)
      .map((wrapper) => ({
        guards: this.discovery.getMetadataByDecorator(ChecksGuards, wrapper) ?? [],
        name: wrapper.name,
        checker: wrapper.instance as GuardChecker,
      }));
    const problems = guardCoverage(found);
    if (problems.length) throw new Error(`Transition guards: ${problems.join('; ')}`);
    for (const { guards, checker } of found) for (const guard of guards) this.checkers.set(guard, checker);
  }

  async check(guard: TransitionGuard, tx: EntityManager, order: GuardedOrder, input: GuardInput = {}): Promise<void> {
    const checker = this.checkers.get(guard);
    if (!checker) throw new Error(`No checker for guard ${guard}`);
    await checker.check(guard, tx, order, input);
  }

  /** Whether the guard would pass now (e.g. to offer an action only when it can succeed). */
  async passes(guard: TransitionGuard, tx: EntityManager, order: GuardedOrder, input: GuardInput = {}): Promise<boolean> {
    try {
      await this.check(guard, tx, order, input);
      return true;
    } catch (error) {
      if (error instanceof AppException) return false;
      throw error;
    }
  }
}
