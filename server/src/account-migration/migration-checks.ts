import { Injectable } from '@nestjs/common';
import { ACCOUNT_ID_PATTERN, MIGRATION_REFUSALS, isTerminal, normalizeCode, ORDER_STATE_KEYS, type FieldError, type MigrationRefusal } from '@beian/shared';
import { In, Not, type EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { FilingRecordStore, SUBJECT_STATES_WITH_US, type SubjectRef } from '../filing-record/filing-record.store';
import type { FilingSubjectEntity } from '../filing-record/filing-subject.entity';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { AppException } from '../platform/errors/app-exception';

const OPEN_STATES = ORDER_STATE_KEYS.filter((state) => !isTerminal(state));

export const refusal = (path: string, code: MigrationRefusal): FieldError => ({ path, code, message: MIGRATION_REFUSALS[code] });
const refused = (path: string, code: MigrationRefusal) => AppException.validation([refusal(path, code)]);

/** The subject principal on record, in clear: the name and mobile the applicant must type. */
export interface RecordedPrincipal {
  name: string;
  mobile: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The refusals of 迁移备案账号 (S003 4053–4068), each with one message on its field: asked when the applicant types
 * them and again by the `migration_allowed` guard in the transaction that moves the subject.
 */
@Injectable()
export class MigrationChecks {
  constructor(
    private readonly accounts: AccountsService,
    private readonly records: FilingRecordStore,
    private readonly drafts: OrderDraftStore,
    private readonly cipher: FieldCipher,
  ) {}

  /** An open order of the subject other than `exceptOrderId` (the migration itself), by record id or certificate. */
  async orderInFlight(tx: EntityManager, subject: Pick<SubjectRef, 'id' | 'certificateIndex'>, exceptOrderId?: string): Promise<boolean> {
    const open = { status: In(OPEN_STATES), ...(exceptOrderId ? { id: Not(exceptOrderId) } : {}) };
    return (
      (await tx.count(FilingOrderEntity, {
        where: [
          { ...open, subjectId: subject.id },
          { ...open, subjectIndex: subject.certificateIndex },
        ],
      })) > 0
    );
  }

  async accountOrderInFlight(tx: EntityManager, ownerId: string): Promise<boolean> {
    return (await tx.count(FilingOrderEntity, { where: { ownerId, status: In(OPEN_STATES) } })) > 0;
  }

  /** A personal subject's principal is the person: the record keeps the name only on the subject. */
  principalOf(subject: FilingSubjectEntity): RecordedPrincipal {
    const principal: DraftTree = this.drafts.unseal(subject.principal, 'subjectPrincipal');
    const name = text(principal.name) || (subject.nature === 'personal' ? this.subjectName(subject) : '');
    return { name, mobile: text(principal.mobile) };
  }

  /** The typed principal and mobile are the ones on record (a contact that no longer works needs 变更 first). */
  assertPrincipal(recorded: RecordedPrincipal, typed: { principalName: string; mobile: string }): void {
    if (!recorded.mobile || typed.principalName.trim() !== recorded.name) throw refused('principalName', 'MIGRATION_PRINCIPAL_MISMATCH');
    if (typed.mobile.trim() !== recorded.mobile) throw refused('mobile', 'MIGRATION_PRINCIPAL_MISMATCH');
  }

  /**
   * The user behind the target account ID, once it is another main account with no filing or open order whose 实名
   * is the subject's (see `realNameIndexes`; blind indexes compared). On MySQL/MariaDB the target's account row stays
   * locked until commit, so two subjects cannot both move into one empty account.
   */
  async targetUser(tx: EntityManager, ownerId: string, subject: FilingSubjectEntity, accountId: string): Promise<string> {
    const path = 'targetAccountId';
    if (!ACCOUNT_ID_PATTERN.test(accountId.trim())) throw AppException.validation([{ path, code: 'ACCOUNT_ID_FORMAT', message: '请填写 12 位数字的账号 ID' }]);
    const target = await this.accounts.byAccountNumber(tx, accountId.trim(), true);
    if (!target) throw refused(path, 'MIGRATION_TARGET_NOT_FOUND');
    if (target.userId === ownerId) throw refused(path, 'MIGRATION_TARGET_SAME');
    if (target.accountType !== 'main') throw refused(path, 'MIGRATION_TARGET_NOT_MAIN');
    const filings = await this.records.subjectsOfOwner(tx, target.userId, SUBJECT_STATES_WITH_US);
    if (filings.length || (await this.accountOrderInFlight(tx, target.userId))) throw refused(path, 'MIGRATION_TARGET_HAS_FILINGS');
    if (!target.realNameIndex || !this.realNameIndexes(subject).includes(target.realNameIndex)) throw refused(path, 'MIGRATION_REAL_NAME_MISMATCH');
    return target.userId;
  }

  /**
   * Whose 实名 the target account may carry (S003 4067–4068: 实名认证名称与备案主体名称或法定代表人保持一致): the subject's
   * certificate, and a unit's 法定代表人 as on record, each as its blind index.
   */
  private realNameIndexes(subject: FilingSubjectEntity): string[] {
    const legalRep = text(this.drafts.unseal(subject.details, 'subject').legalRepCertificateNumber);
    return legalRep ? [subject.certificateIndex, this.cipher.blindIndex(normalizeCode(legalRep))] : [subject.certificateIndex];
  }

  subjectName(subject: FilingSubjectEntity): string {
    return this.cipher.open(subject.name);
  }
}
