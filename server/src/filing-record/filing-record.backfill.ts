import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ORDER_KINDS, ORDER_KIND_KEYS } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { OrderHistoryEntity } from '../order-core/order-history.entity';
import { RegulatorRecordsPort } from '../order-core/regulator-records.port';
import { DatabaseService, isDuplicateKeyError } from '../platform/database/database.service';
import { MigrationStatus } from '../platform/database/migration-status';
import { FilingRecordApproval } from './filing-record.approval';
import { FilingVersionEntity } from './filing-version.entity';
import { FilingRecordStore, SUBJECT_STATES_WITH_US } from './filing-record.store';

const FILING_KINDS = ORDER_KIND_KEYS.filter((kind) => ORDER_KINDS[kind].group === 'filing');

/**
 * Filings approved before the record existed become records: each approved filing order without a version is
 * applied as its approval would be today, in approval order, with the numbers the 管局 issued then and the time it
 * was approved. Runs at every boot, after the migrations; idempotent (one version per order), so replicas booting
 * together only skip each other's orders. A 新增服务 approved then got a new subject number; its services join the
 * subject of the same certificate with the numbers they were issued.
 */
@Injectable()
export class FilingRecordBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(FilingRecordBackfill.name);

  constructor(
    private readonly db: DatabaseService,
    private readonly approval: FilingRecordApproval,
    private readonly records: FilingRecordStore,
    private readonly drafts: OrderDraftStore,
    private readonly regulatorRecords: RegulatorRecordsPort,
    private readonly migrations: MigrationStatus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Without the schema (production runs the migrate command first) the backfill waits for a start after it.
    if ((await this.migrations.pending()).length) {
      this.logger.warn('filing record: migrations pending, approved orders are written as records at the first start after them');
      return;
    }
    const applied = await this.run();
    if (applied) this.logger.log(`filing record: ${applied} approved order(s) from before the record written as records`);
  }

  /** Writes the record of every approved filing order that has none; answers how many it wrote. */
  async run(): Promise<number> {
    let applied = 0;
    for (const { id, approvedAt } of await this.pending()) {
      try {
        await this.db.transaction((tx) => this.apply(tx, id, approvedAt));
        applied += 1;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return applied;
  }

  private async pending(): Promise<{ id: string; approvedAt: Date }[]> {
    const rows = await this.db.manager
      .createQueryBuilder(FilingOrderEntity, 'o')
      .innerJoin(OrderHistoryEntity, 'h', 'h.orderId = o.id AND h.toStatus = :approved')
      .leftJoin(FilingVersionEntity, 'v', 'v.orderId = o.id')
      .select('o.id', 'id')
      .addSelect('h.createdAt', 'approvedAt')
      .where('o.status = :approved AND o.kind IN (:...kinds) AND v.id IS NULL', { approved: 'approved', kinds: FILING_KINDS })
      .orderBy('h.createdAt', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .getRawMany<{ id: string; approvedAt: Date | string }>();
    return rows.map((row) => ({ id: row.id, approvedAt: this.db.timeFromRow(row.approvedAt) }));
  }

  private async apply(tx: EntityManager, orderId: string, approvedAt: Date): Promise<void> {
    const order = await tx.findOneOrFail(FilingOrderEntity, {
      select: { id: true, ownerId: true, kind: true, subjectType: true, serviceType: true, subjectId: true, serviceIds: true, subjectIndex: true },
      where: { id: orderId },
    });
    const numbers = await this.regulatorRecords.numbers(tx, orderId);
    const subjectId = order.subjectId ?? (order.kind === 'add_service_local' ? await this.subjectOfCertificate(tx, order.subjectIndex) : null);
    const { subjectId: recorded } = await this.approval.apply(tx, {
      order: { ...order, subjectId },
      draft: await this.drafts.load(tx, orderId),
      numbers,
      at: approvedAt,
    });
    if (recorded !== order.subjectId) await tx.update(FilingOrderEntity, { id: orderId }, { subjectId: recorded });
  }

  private async subjectOfCertificate(tx: EntityManager, subjectIndex: string | null): Promise<string | null> {
    const subject = subjectIndex ? await this.records.subjectByCertificate(tx, subjectIndex) : null;
    return subject && SUBJECT_STATES_WITH_US.includes(subject.state) ? subject.id : null;
  }
}
