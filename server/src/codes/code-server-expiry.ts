import { Injectable } from '@nestjs/common';
import { CODE_TRANSITIONS } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { moveCodes } from './code-usage';
import { FilingCodeEntity } from './filing-code.entity';
import { ServerInventory } from './server-inventory.port';

const EXPIRING: readonly string[] = CODE_TRANSITIONS.expire.from;
const serverOf = (row: Pick<FilingCodeEntity, 'ownerUserId' | 'instanceId'>) => `${row.ownerUserId}/${row.instanceId}`;

/**
 * A code is valid while its server is (DOMAIN §5): a server past its expiry date takes its codes not yet used with it
 * (已失效), as a 退费 does. The inventory tells no one when a server expires, so codes are settled whenever they are read.
 */
@Injectable()
export class CodeServerExpiry {
  constructor(
    private readonly inventory: ServerInventory,
    private readonly clock: Clock,
  ) {}

  /** The rows as they stand now: codes of an expired server moved to `expired`, in the database and in the answer. */
  async settle(tx: EntityManager, rows: FilingCodeEntity[]): Promise<FilingCodeEntity[]> {
    const servers = new Map(rows.filter((row) => row.instanceId && EXPIRING.includes(row.state)).map((row) => [serverOf(row), row]));
    const expired = new Set<string>();
    for (const [key, { ownerUserId, instanceId }] of servers) {
      const instance = await this.inventory.find(tx, ownerUserId, instanceId!);
      if (!instance?.expired || instance.refunded) continue;
      await moveCodes(tx, 'expire', { ownerUserId, instanceId: instanceId! }, { updatedAt: this.clock.now() });
      expired.add(key);
    }
    return rows.map((row) => (expired.has(serverOf(row)) && EXPIRING.includes(row.state) ? { ...row, state: CODE_TRANSITIONS.expire.to } : row));
  }
}
