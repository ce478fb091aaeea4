import type { CloudResource } from '@beian/shared';
import type { EntityManager } from 'typeorm';

/** What the inventory answers for one instance ID of an account. */
export type ResourceLookup = { found: CloudResource; bound: CloudResource | null } | { missing: true };

/**
 * The cloud resources an account holds at the provider (CVM, Lighthouse, serverless packages, load balancers).
 * Adapters: SimulatedResourceInventory (embedded default: starter instances per new account, staff register more). A
 * real adapter reads the provider's API (e.g. 腾讯云 DescribeInstances / DescribeLoadBalancers per account).
 */
export abstract class ResourceInventory {
  abstract list(tx: EntityManager, accountId: string): Promise<CloudResource[]>;
  abstract lookup(tx: EntityManager, accountId: string, instanceId: string): Promise<ResourceLookup>;
}
