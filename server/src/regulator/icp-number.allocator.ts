import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { chinaDate, ORDER_KINDS, provinceByCode, type OrderKind } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { DatabaseService } from '../platform/database/database.service';
import { IcpSerialEntity } from './icp-number.entity';

const SERIAL_DIGITS = 6;

/**
 * The simulated 管局's numbering: subject `<abbr>ICP备<YYYY><6 digits>号` from a per-province, per-year serial
 * that only grows; services `…号-1`, `…号-2` in the order's website/app order.
 */
@Injectable()
export class IcpNumberAllocator {
  constructor(
    private readonly db: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async allocate(tx: EntityManager, kind: OrderKind, draft: DraftTree, at: Date): Promise<string[]> {
    if (ORDER_KINDS[kind].group !== 'filing') return [];
    const regionCode = String((draft.subject as { regionCode?: unknown } | undefined)?.regionCode ?? '');
    const province = provinceByCode(regionCode);
    if (!province) throw new Error(`no province for region ${regionCode}`);
    const year = Number(chinaDate(at).slice(0, 4));
    const serial = await this.nextSerial(tx, province.abbr, year);
    const subject = `${province.abbr}ICP备${year}${String(serial).padStart(SERIAL_DIGITS, '0')}号`;
    const services = [...((draft.websites as unknown[]) ?? []), ...((draft.apps as unknown[]) ?? [])];
    return [subject, ...services.map((_, index) => `${subject}-${index + 1}`)];
  }

  private async nextSerial(tx: EntityManager, abbr: string, year: number): Promise<number> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(IcpSerialEntity)
      .values({ abbr, year, lastSerial: this.firstSerial(abbr, year) })
      .orIgnore()
      .execute();
    const query = tx.createQueryBuilder(IcpSerialEntity, 's').where('s.abbr = :abbr AND s.year = :year', { abbr, year });
    if (!this.db.isSqlite) query.setLock('pessimistic_write');
    const row = await query.getOneOrFail();
    const serial = row.lastSerial + 1;
    await tx.update(IcpSerialEntity, { abbr, year }, { lastSerial: serial });
    return serial;
  }

  /** Where a province's serials start in a year (seeded, so runs are reproducible and numbers look real). */
  private firstSerial(abbr: string, year: number): number {
    const digest = createHash('sha256').update(`${this.config.regulatorSim.seed}:${abbr}:${year}`).digest();
    return 100_000 + (digest.readUInt32BE(0) % 400_000);
  }
}
