import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { chinaDate, ORDER_KINDS, provinceByCode, type DetectedKind } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingRecordStore } from '../filing-record/filing-record.store';
import { draftServices, keptNumbers } from '../filing-record/record-from-draft';
import { RegistryNumbersPort } from '../filing-record/registry-numbers.port';
import type { FilingOrderEntity } from '../order-core/filing-order.entity';
import type { DraftTree } from '../order-core/order-draft.store';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { DatabaseService } from '../platform/database/database.service';
import { IcpSerialEntity } from './icp-number.entity';

const SERIAL_DIGITS = 6;

/** `count` service numbers under a subject number, after the highest `-n` issued so far. */
const servicesAfter = (subject: string, highest: number, count: number) => Array.from({ length: count }, (_, i) => `${subject}-${highest + i + 1}`);

/** The numbers an approval gives: the subject's (new or kept) and its services' in the draft's order. */
export interface IssuedNumbers {
  subject: string;
  /** Issued by this approval (首次备案); otherwise the subject already had it. */
  subjectIsNew: boolean;
  services: string[];
}

/**
 * The simulated 管局's numbering. 首次备案: a new subject number `<abbr>ICP备<YYYY><6 digits>号` from a per-province,
 * per-year serial that only grows, services `…号-1`, `…号-2`. 接入备案 keeps the numbers filed elsewhere. 新增服务
 * continues under the existing subject number above the highest `-n` ever issued (ours, and the registry's for a
 * subject filed elsewhere): a cancelled service's n is never given again.
 */
@Injectable()
export class IcpNumberAllocator {
  constructor(
    private readonly db: DatabaseService,
    private readonly records: FilingRecordStore,
    private readonly registry: RegistryNumbersPort,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async allocate(tx: EntityManager, order: Pick<FilingOrderEntity, 'id' | 'kind' | 'subjectId'>, draft: DraftTree, at: Date): Promise<IssuedNumbers | null> {
    if (ORDER_KINDS[order.kind].group !== 'filing') return null;
    const count = draftServices(draft).length;
    switch (order.kind as DetectedKind) {
      case 'access_filing': {
        const kept = keptNumbers(draft);
        if (!kept.subject || kept.services.some((n) => !n)) throw new Error(`接入 order ${order.id} was approved without the numbers it keeps`);
        return { subject: kept.subject, subjectIsNew: false, services: kept.services };
      }
      case 'add_service_local': {
        const subject = order.subjectId ? await this.records.lockSubject(tx, order.subjectId) : null;
        if (!subject) throw new Error(`新增服务 order ${order.id} has no subject in the record`);
        return { subject: subject.subjectIcpNumber, subjectIsNew: false, services: servicesAfter(subject.subjectIcpNumber, subject.maxServiceSeq, count) };
      }
      case 'add_service_remote': {
        const number = await this.remoteSubjectNumber(draft);
        if (!number) throw new Error(`新增服务 order ${order.id} names no subject number filed elsewhere`);
        const here = await this.records.subjectByNumber(tx, number);
        const highest = Math.max(here ? (await this.records.lockSubject(tx, here.id))!.maxServiceSeq : 0, await this.registry.highestServiceSeq(number));
        return { subject: number, subjectIsNew: false, services: servicesAfter(number, highest, count) };
      }
      default: {
        const regionCode = String((draft.subject as { regionCode?: unknown } | undefined)?.regionCode ?? '');
        const province = provinceByCode(regionCode);
        if (!province) throw new Error(`no province for region ${regionCode}`);
        const year = Number(chinaDate(at).slice(0, 4));
        const serial = await this.nextSerial(tx, province.abbr, year);
        const subject = `${province.abbr}ICP备${year}${String(serial).padStart(SERIAL_DIGITS, '0')}号`;
        return { subject, subjectIsNew: true, services: servicesAfter(subject, 0, count) };
      }
    }
  }

  /** 新增服务（外平台）: the 主体备案号 the applicant gave, else the one the registry knows for the certificate. */
  private async remoteSubjectNumber(draft: DraftTree): Promise<string | null> {
    const typed = keptNumbers(draft).subject;
    if (typed) return typed;
    const certificateNumber = String((draft.subject as { certificateNumber?: unknown } | undefined)?.certificateNumber ?? '');
    return certificateNumber ? this.registry.subjectNumber(certificateNumber) : null;
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
