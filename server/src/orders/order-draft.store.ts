import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { mapPersonalData, maskPersonalValue } from '../platform/crypto/personal-data';
import { OrderDraftSectionEntity } from './order-draft-section.entity';

export type DraftTree = Record<string, unknown>;

/** Reads and writes an order's draft as one row per top-level section, personal data encrypted per field. */
@Injectable()
export class OrderDraftStore {
  constructor(private readonly cipher: FieldCipher) {}

  async load(tx: EntityManager, orderId: string): Promise<DraftTree> {
    const rows = await tx.find(OrderDraftSectionEntity, { select: { section: true, data: true }, where: { orderId } });
    return this.fromRows(rows);
  }

  async loadMany(tx: EntityManager, orderIds: string[]): Promise<Map<string, DraftTree>> {
    const rows = orderIds.length
      ? await tx.find(OrderDraftSectionEntity, { select: { orderId: true, section: true, data: true }, where: { orderId: In(orderIds) } })
      : [];
    const byOrder = new Map<string, OrderDraftSectionEntity[]>();
    for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
    return new Map(orderIds.map((id) => [id, this.fromRows(byOrder.get(id) ?? [])]));
  }

  /** Replaces the given sections; sections not in `partial` stay as they are. */
  async save(tx: EntityManager, orderId: string, partial: DraftTree, now: Date): Promise<void> {
    const rows = Object.entries(partial).map(([section, value]) => ({
      orderId,
      section,
      data: JSON.stringify(mapPersonalData(value, (_, plain) => this.cipher.encrypt(plain))),
      updatedAt: now,
    }));
    if (rows.length) await tx.upsert(OrderDraftSectionEntity, rows, ['orderId', 'section']);
  }

  /** The draft as one JSON string with personal data encrypted (review snapshots). */
  seal(draft: DraftTree): string {
    return JSON.stringify(mapPersonalData(draft, (_, plain) => this.cipher.encrypt(plain)));
  }

  unseal(sealed: string): DraftTree {
    return mapPersonalData(JSON.parse(sealed), (_, stored) => (FieldCipher.isEncrypted(stored) ? this.cipher.decrypt(stored) : stored)) as DraftTree;
  }

  mask(draft: DraftTree): DraftTree {
    return mapPersonalData(draft, maskPersonalValue) as DraftTree;
  }

  private fromRows(rows: Pick<OrderDraftSectionEntity, 'section' | 'data'>[]): DraftTree {
    return Object.fromEntries(
      rows.map((row) => [
        row.section,
        mapPersonalData(JSON.parse(row.data), (_, stored) => (FieldCipher.isEncrypted(stored) ? this.cipher.decrypt(stored) : stored)),
      ]),
    );
  }
}
