import { Injectable } from '@nestjs/common';
import { isTerminal, ORDER_STATE_KEYS } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';

/** Orders whose proven mobiles belong to their subject: in flight, or approved (the record). */
const CLAIMING_STATES = [...ORDER_STATE_KEYS.filter((state) => !isTerminal(state)), 'approved'];

export interface PrincipalMobileFacts {
  /** Those of the asked mobiles proven by SMS for another subject's order (in flight or approved). */
  mobilesOfOtherSubjects: string[];
  /** The mobile this account proved as a personal filer's on an approved order: its verified phone. */
  accountMobile?: string;
  accountMobileFrom?: 'sms_verification';
}

export interface MobileFactsScope {
  orderId: string;
  ownerId: string;
  personal: boolean;
}

/**
 * What the pre-check needs to know of mobiles beyond the draft, found through blind indexes in one round trip (no
 * decryption but the one phone answered). The account's phone here is what the SMS records know; an account's
 * bound phone (accounts/) takes its place in the pre-check when there is one.
 */
@Injectable()
export class PrincipalMobilesQuery {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly db: DatabaseService,
  ) {}

  async facts(tx: EntityManager, scope: MobileFactsScope, mobiles: readonly string[]): Promise<PrincipalMobileFacts> {
    const byIndex = new Map(mobiles.map((mobile) => [this.cipher.blindIndex(mobile), mobile]));
    const askMobiles = byIndex.size > 0;
    if (!askMobiles && !scope.personal) return { mobilesOfOtherSubjects: [] };
    const states = CLAIMING_STATES.map(() => '?').join(', ');
    const parts: string[] = [];
    const params: unknown[] = [];
    if (askMobiles) {
      parts.push(
        `SELECT DISTINCT v.mobile_index AS mobile_index, NULL AS mobile FROM mobile_verifications v JOIN filing_orders o ON o.id = v.order_id
         WHERE v.mobile_index IN (${[...byIndex.keys()].map(() => '?').join(', ')}) AND o.id <> ? AND o.status IN (${states})
           AND o.subject_index <> (SELECT s.subject_index FROM filing_orders s WHERE s.id = ?)`,
      );
      // An order whose draft names no subject yet compares with NULL: nothing is another subject's.
      params.push(...byIndex.keys(), scope.orderId, ...CLAIMING_STATES, scope.orderId);
    }
    if (scope.personal) {
      parts.push(
        `SELECT NULL AS mobile_index, (SELECT v.mobile FROM mobile_verifications v JOIN filing_orders o ON o.id = v.order_id
           WHERE v.account_id = ? AND v.path = 'subjectPrincipal' AND o.subject_type = 'personal' AND o.status = 'approved' AND o.id <> ?
           ORDER BY v.verified_at DESC LIMIT 1) AS mobile`,
      );
      params.push(scope.ownerId, scope.orderId);
    }
    const rows = await this.db.rows<{ mobile_index: string | null; mobile: string | null }>(parts.join(' UNION ALL '), params, tx);
    const phone = rows.find((row) => row.mobile)?.mobile;
    return {
      mobilesOfOtherSubjects: rows.flatMap((row) => (row.mobile_index && byIndex.has(row.mobile_index) ? [byIndex.get(row.mobile_index)!] : [])),
      ...(phone ? { accountMobile: this.cipher.open(phone), accountMobileFrom: 'sms_verification' as const } : {}),
    };
  }
}
