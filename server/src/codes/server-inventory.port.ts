import type { EntityManager } from 'typeorm';

/** A server instance as codes see it: what the code points to and who owns it. */
export interface ServerInstance {
  instanceId: string;
  publicIp: string;
  ownerUserId: string;
  /** Null when the instance can back a filing; otherwise why not, in words. */
  ineligibleReason: string | null;
  /** 退费 or expired: its unused codes are dead. */
  refunded: boolean;
}

/**
 * The cloud resource inventory codes are made from. The embedded default is a simulated inventory
 * (SimulatedServerInventory); the resource module's inventory (instances with their eligibility) implements this
 * port when it lands, and a real adapter would read the provider's instance API. Reads use the caller's `tx`.
 */
export abstract class ServerInventory {
  abstract ofOwner(tx: EntityManager, ownerUserId: string): Promise<ServerInstance[]>;
  abstract find(tx: EntityManager, instanceId: string): Promise<ServerInstance | null>;
}
