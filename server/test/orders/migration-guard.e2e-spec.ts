import { randomUUID } from 'node:crypto';
import type { OrderKind, OrderState } from '@beian/shared';
import { FilingOrderEntity } from '../../src/order-core/filing-order.entity';
import { TransitionGuards } from '../../src/order-core/transition-guards';
import { startTestApp, type TestApp } from '../support/test-app';

describe('migration_allowed: moving a filing to another account', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** An order row as the workflow would have left it; the guard reads only orders. */
  async function order(ownerId: string, subjectIndex: string, status: OrderState, kind: OrderKind = 'first_filing'): Promise<FilingOrderEntity> {
    const now = t.clock.now();
    const row = {
      id: randomUUID(),
      ownerId,
      kind,
      subjectType: 'personal' as const,
      serviceType: 'website' as const,
      status,
      subjectIndex,
      subjectId: null,
      serviceIds: null,
      version: 1,
      submittedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await t.db.manager.insert(FilingOrderEntity, row);
    return row;
  }

  const check = (migration: FilingOrderEntity) => t.app.get(TransitionGuards).check('migration_allowed', t.db.manager, migration);

  it('should pass when another account holds an approved filing of the subject and the new account has nothing else', async () => {
    const subject = randomUUID();
    await order('old-owner-1', subject, 'approved');
    const migration = await order('new-owner-1', subject, 'draft', 'migrate_account');

    await expect(check(migration)).resolves.toBeUndefined();
  });

  it('should refuse when no account holds an approved filing of the subject with us', async () => {
    const subject = randomUUID();
    await order('old-owner-2', subject, 'withdrawn');
    const migration = await order('new-owner-2', subject, 'draft', 'migrate_account');

    await expect(check(migration)).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: { reason: 'MIGRATION_NOT_ALLOWED' } });
  });

  it('should refuse when an order of the subject is still in flight', async () => {
    const subject = randomUUID();
    await order('old-owner-3', subject, 'approved');
    await order('old-owner-3', subject, 'pending_initial_review', 'change_filing');
    const migration = await order('new-owner-3', subject, 'draft', 'migrate_account');

    await expect(check(migration)).rejects.toMatchObject({ details: { reason: 'MIGRATION_NOT_ALLOWED' } });
  });

  it('should refuse when the account it moves to already has a filing', async () => {
    const subject = randomUUID();
    await order('old-owner-4', subject, 'approved');
    await order('new-owner-4', randomUUID(), 'approved');
    const migration = await order('new-owner-4', subject, 'draft', 'migrate_account');

    await expect(check(migration)).rejects.toMatchObject({ details: { reason: 'MIGRATION_NOT_ALLOWED' } });
  });

  it('should refuse when the order does not name its subject yet', async () => {
    const migration = await order('new-owner-5', '', 'draft', 'migrate_account');

    await expect(check(migration)).rejects.toMatchObject({ details: { reason: 'MIGRATION_NOT_ALLOWED' } });
  });
});
