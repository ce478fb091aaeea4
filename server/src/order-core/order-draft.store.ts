import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { fieldMessage } from '@beian/shared';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { AppException } from '../platform/errors/app-exception';
import { DatabaseService } from '../platform/database/database.service';
import { mapPersonalData, maskPersonalValue } from '../platform/crypto/personal-data';
import { OrderDraftSectionEntity } from './order-draft-section.entity';

export type DraftTree = Record<string, unknown>;

/** The most one stored (encrypted) section may take; the column (MEDIUMTEXT on MySQL/MariaDB) holds far more. */
const STORED_SECTION_MAX_BYTES = 65_535;
/** The whole draft, sealed into one review snapshot, with a little room for the section keys. */
const STORED_DRAFT_MAX_BYTES = 65_535 - 1024;

/** Reads and writes an order's draft as one row per top-level section, personal data encrypted per field. */
@Injectable()
export class OrderDraftStore {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly db: DatabaseService,
  ) {}

  async load(tx: EntityManager, orderId: string): Promise<DraftTree> {
    const rows = await tx.find(OrderDraftSectionEntity, { select: { section: true, data: true }, where: { orderId } });
    return this.fromRows(rows);
  }

  /** One section of several orders (absent: no entry), e.g. the subjects of a review queue. */
  async loadSection(tx: EntityManager, orderIds: string[], section: string): Promise<Map<string, unknown>> {
    const rows = orderIds.length
      ? await tx.find(OrderDraftSectionEntity, { select: { orderId: true, section: true, data: true }, where: { orderId: In(orderIds), section } })
      : [];
    return new Map(rows.map((row) => [row.orderId, this.fromRows([row])[section]]));
  }

  /** Replaces the given sections; sections not in `partial` stay as they are. One statement: autosave's hot path. */
  async save(tx: EntityManager, orderId: string, partial: DraftTree, now: Date): Promise<void> {
    const sections = Object.entries(partial);
    if (!sections.length) return;
    const updatedAt = this.db.timeParam(now);
    const stored = sections.map(
      ([section, value]) => [section, JSON.stringify(mapPersonalData(value, (_, plain) => this.cipher.encrypt(plain), section))] as const,
    );
    // Encryption lengthens personal values: a section within the plain limit can still outgrow its column.
    const tooLarge = stored.filter(([, data]) => Buffer.byteLength(data) > STORED_SECTION_MAX_BYTES);
    if (tooLarge.length) {
      throw AppException.validation(
        tooLarge.map(([section]) => ({ path: `draft.${section}`, code: 'SECTION_TOO_LARGE', message: fieldMessage('SECTION_TOO_LARGE') })),
      );
    }
    const params = stored.flatMap(([section, data]) => [orderId, section, data, updatedAt]);
    const values = sections.map(() => '(?, ?, ?, ?)').join(', ');
    const onConflict = this.db.isSqlite
      ? 'ON CONFLICT (order_id, section) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at'
      : 'ON DUPLICATE KEY UPDATE data = VALUES(data), updated_at = VALUES(updated_at)';
    await this.db.execute(tx, `INSERT INTO order_draft_sections (order_id, section, data, updated_at) VALUES ${values} ${onConflict}`, params);
    const bytes = this.db.isSqlite ? 'LENGTH(CAST(data AS BLOB))' : 'LENGTH(data)';
    const [total] = await this.db.rows<{ total: number | string | null }>(
      `SELECT SUM(${bytes}) AS total FROM order_draft_sections WHERE order_id = ?`,
      [orderId],
      tx,
    );
    // The caller's transaction rolls the save back.
    if (Number(total?.total ?? 0) > STORED_DRAFT_MAX_BYTES) {
      throw AppException.validation([{ path: 'draft', code: 'DRAFT_TOO_LARGE', message: fieldMessage('DRAFT_TOO_LARGE') }]);
    }
  }

  /**
   * The draft, or the part of it at draft path `at` (`subjectPrincipal`, `websites.0.principal`), as one JSON string
   * with personal data encrypted (review snapshots, the approved-filing record).
   */
  seal(draft: unknown, at = ''): string {
    return JSON.stringify(mapPersonalData(draft, (_, plain) => this.cipher.encrypt(plain), at));
  }

  unseal(sealed: string, at = ''): DraftTree {
    return mapPersonalData(JSON.parse(sealed), (_, stored) => this.cipher.open(stored), at) as DraftTree;
  }

  mask(draft: DraftTree): DraftTree {
    return mapPersonalData(draft, maskPersonalValue) as DraftTree;
  }

  private fromRows(rows: Pick<OrderDraftSectionEntity, 'section' | 'data'>[]): DraftTree {
    return Object.fromEntries(rows.map((row) => [row.section, mapPersonalData(JSON.parse(row.data), (_, stored) => this.cipher.open(stored), row.section)]));
  }
}
