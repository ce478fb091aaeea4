import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { AuditLogEntity } from './audit-log.entity';

export type AuditEntry = Pick<AuditLogEntity, 'actorId' | 'action' | 'orderId' | 'target' | 'reason'>;

@Injectable()
export class AuditLogService {
  constructor(private readonly clock: Clock) {}

  /** Appends a row and returns its id. */
  async record(tx: EntityManager, entry: AuditEntry): Promise<number> {
    const inserted = await tx.insert(AuditLogEntity, { ...entry, createdAt: this.clock.now() });
    return Number(inserted.identifiers[0]?.id);
  }

  issued(tx: EntityManager, id: number): Promise<AuditLogEntity | null> {
    return tx.findOne(AuditLogEntity, { where: { id, action: 'access.issued' } });
  }
}
