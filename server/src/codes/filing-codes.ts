import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { codeInvalidReason, codeStateLabel, type CodeKind, type FilingCodeView } from '@beian/shared';
import { AccountsService } from '../accounts/accounts.service';
import { FilingCodeEntity } from './filing-code.entity';

/** No 0/O or 1/I: a code is read aloud and copied by hand. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PREFIX: Record<CodeKind, string> = { authorization: 'BA', service: 'FW' };

export function newCodeValue(kind: CodeKind): string {
  return PREFIX[kind] + Array.from({ length: 14 }, () => ALPHABET[randomInt(0, ALPHABET.length)]).join('');
}

/** Codes as the owner or the holder reads them: account IDs instead of user ids, the state in the seed's words. */
@Injectable()
export class FilingCodeViews {
  constructor(private readonly accounts: AccountsService) {}

  async of(rows: FilingCodeEntity[], viewerUserId: string): Promise<FilingCodeView[]> {
    const numbers = new Map<string, string>();
    for (const userId of new Set(rows.flatMap((row) => [row.ownerUserId, row.holderUserId]))) {
      numbers.set(userId, (await this.accounts.ensure(userId)).accountNumber);
    }
    return rows.map((row) => ({
      codeId: row.id,
      kind: row.kind,
      code: row.code,
      instanceId: row.instanceId,
      publicIp: row.publicIp,
      state: row.state,
      stateLabel: codeStateLabel(row.kind, row.state, row.ownerUserId !== viewerUserId),
      invalidReason: codeInvalidReason(row.state),
      ownerAccountId: numbers.get(row.ownerUserId)!,
      holderAccountId: numbers.get(row.holderUserId)!,
      remark: row.remark,
      createdAt: row.createdAt.toISOString(),
    }));
  }
}
