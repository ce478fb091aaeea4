import type { EntityManager } from 'typeorm';

/** A server instance as codes see it: what the code points to and who owns it. */
export interface ServerInstance {
  instanceId: string;
  publicIp: string;
  ownerUserId: string;
  /** Null when the instance can back a filing; otherwise why not, in words. */
  ineligibleReason: string | null;
  /** 退费: its unused codes are dead. */
  refunded: boolean;
  /** Past its expiry date without a renewal: its unused codes are dead too (DOMAIN §5). */
  expired: boolean;
}

/**
 * The servers codes are made from, read from the account's one cloud inventory (`ResourceInventory` of `resources/`,
 * adapter ResourcesServerInventory). An instance ID is unique within its owner's account only, so a lookup names
 * the owner (a code row stores it). Reads use the caller's `tx`.
 */
export abstract class ServerInventory {
  abstract ofOwner(tx: EntityManager, ownerUserId: string): Promise<ServerInstance[]>;
  abstract find(tx: EntityManager, ownerUserId: string, instanceId: string): Promise<ServerInstance | null>;
}
