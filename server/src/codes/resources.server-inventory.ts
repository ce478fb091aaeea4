import { Injectable } from '@nestjs/common';
import { RESOURCE_RULES, resourceIneligibility, type CloudResource } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { ResourceInventory } from '../resources/resource-inventory.port';
import { ServerInventory, type ServerInstance } from './server-inventory.port';

/** Codes are made from servers: a CVM or a Lighthouse instance with a public IP (what a code points to). */
const isServer = (resource: CloudResource): resource is CloudResource & { publicIp: string } =>
  (resource.type === 'cvm' || resource.type === 'lighthouse') && resource.publicIp !== null;

/** The account's instances of the one cloud inventory, each with why it cannot back one more filing (RESOURCE_RULES). */
@Injectable()
export class ResourcesServerInventory extends ServerInventory {
  constructor(
    private readonly inventory: ResourceInventory,
    private readonly clock: Clock,
  ) {
    super();
  }

  async ofOwner(tx: EntityManager, ownerUserId: string): Promise<ServerInstance[]> {
    return (await this.inventory.list(tx, ownerUserId)).filter(isServer).map((resource) => this.view(ownerUserId, resource));
  }

  async find(tx: EntityManager, ownerUserId: string, instanceId: string): Promise<ServerInstance | null> {
    const lookup = await this.inventory.lookup(tx, ownerUserId, instanceId);
    return 'found' in lookup && isServer(lookup.found) ? this.view(ownerUserId, lookup.found) : null;
  }

  private view(ownerUserId: string, resource: CloudResource & { publicIp: string }): ServerInstance {
    const now = this.clock.now();
    const rules = resourceIneligibility(resource, now, 1);
    return {
      instanceId: resource.instanceId,
      publicIp: resource.publicIp,
      ownerUserId,
      ineligibleReason: rules.length ? rules.map((rule) => RESOURCE_RULES[rule].reason).join('；') : null,
      refunded: resource.refunded,
      expired: new Date(resource.expiresAt) <= now,
    };
  }
}
