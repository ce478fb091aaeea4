import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { TRANSITION_GUARDS, type TransitionGuard } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { ChecksGuards, TransitionGuards, guardFailed, type GuardChecker } from '../../src/order-core/transition-guards';

const ALL = Object.keys(TRANSITION_GUARDS) as TransitionGuard[];
const tx = {} as EntityManager;
const order = { id: 'order-1', ownerId: 'user-1', kind: 'first_filing' as const, status: 'draft' as const, version: 1 };

@Injectable()
@ChecksGuards(ALL.filter((g) => g !== 'migration_allowed'))
class EveryGuardButMigration implements GuardChecker {
  readonly seen: TransitionGuard[] = [];
  async check(guard: TransitionGuard): Promise<void> {
    this.seen.push(guard);
  }
}

@Injectable()
@ChecksGuards(['migration_allowed'])
class MigrationChecker implements GuardChecker {
  async check(guard: TransitionGuard): Promise<void> {
    throw guardFailed(guard);
  }
}

@Injectable()
@ChecksGuards(['migration_allowed'])
class SecondMigrationChecker extends MigrationChecker {}

async function boot(...checkers: (new (...args: never[]) => GuardChecker)[]) {
  const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [TransitionGuards, ...checkers] }).compile();
  return moduleRef.init();
}

describe('TransitionGuards', () => {
  it('should refuse to boot when a guard of the table has no checker', async () => {
    await expect(boot(EveryGuardButMigration)).rejects.toThrow('guard migration_allowed has no checker');
  });

  it('should refuse to boot when a guard has two checkers', async () => {
    await expect(boot(EveryGuardButMigration, MigrationChecker, SecondMigrationChecker)).rejects.toThrow('guard migration_allowed has 2 checkers');
  });

  it('should hand each guard to the checker registered for it when every guard has exactly one', async () => {
    const app = await boot(EveryGuardButMigration, MigrationChecker);
    const guards = app.get(TransitionGuards);

    await guards.check('precheck_passed', tx, order);
    await expect(guards.check('migration_allowed', tx, order)).rejects.toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { reason: 'MIGRATION_NOT_ALLOWED' },
    });
    expect(app.get(EveryGuardButMigration).seen).toEqual(['precheck_passed']);
    expect(await guards.passes('migration_allowed', tx, order)).toBe(false);
    await app.close();
  });
});
