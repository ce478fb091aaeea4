import { Injectable } from '@nestjs/common';
import {
  RESOURCE_REGIONS,
  RESOURCE_RULES,
  RESOURCE_TYPES,
  quotaReason,
  resourceIneligibility,
  type CloudResource,
  type FieldError,
  type ResourceChoice,
  type ResourceRegion,
} from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { DraftTree } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { RESOURCE_CHECKS, type ResourceCheck } from './resource-checks';
import { ResourceInventory } from './resource-inventory.port';
import { ResourceUses, instanceUses } from './resource-uses';

/** Whether an account's instances can host a filing, by the rules of RESOURCE_RULES. */
@Injectable()
@RESOURCE_CHECKS()
export class ResourceEligibility implements ResourceCheck {
  constructor(
    private readonly inventory: ResourceInventory,
    private readonly uses: ResourceUses,
    private readonly clock: Clock,
  ) {}

  /** The account's resources for the picker: eligible ones first, each ineligible one with its reasons (one more service on it). */
  async choices(tx: EntityManager, accountId: string): Promise<ResourceChoice[]> {
    const resources = await this.inventory.list(tx, accountId);
    const byId = new Map(resources.map((resource) => [resource.instanceId, resource]));
    const elsewhere = await this.uses.counts(tx, accountId, [...byId.keys()], null);
    const now = this.clock.now();
    const choices = resources.map((resource) =>
      this.choice(
        resource,
        resourceIneligibility(resource, now, 1 + (elsewhere.get(resource.instanceId) ?? 0), byId.get(resource.boundInstanceId ?? '') ?? null),
      ),
    );
    return [...choices.filter((c) => c.eligible), ...choices.filter((c) => !c.eligible)];
  }

  /**
   * Each service whose instance cannot host it, on its field. The quota counts the provider's figure, the account's
   * other orders in flight or approved on the instance (not `orderId` itself) and this draft's services on it.
   * `locked`: the submission holds the instances' quota rows (`ResourceUses.lock`, which answered those it created):
   * the other orders are read under lock, on the instances any reservation named before.
   */
  async findings(tx: EntityManager, accountId: string, draft: DraftTree, orderId: string | null = null, locked?: ReadonlySet<string>): Promise<FieldError[]> {
    const uses = instanceUses(draft);
    const perInstance = new Map<string, number>();
    for (const use of uses) perInstance.set(use.instanceId, (perInstance.get(use.instanceId) ?? 0) + 1);
    const counted = [...perInstance.keys()].filter((instanceId) => !locked?.has(instanceId));
    const elsewhere = await this.uses.counts(tx, accountId, counted, orderId, locked !== undefined);
    const now = this.clock.now();
    const findings: FieldError[] = [];
    for (const use of uses) {
      const lookup = await this.inventory.lookup(tx, accountId, use.instanceId);
      const wanted = perInstance.get(use.instanceId) ?? 1;
      const others = elsewhere.get(use.instanceId) ?? 0;
      const rules = 'missing' in lookup ? (['not_found'] as const) : resourceIneligibility(lookup.found, now, wanted + others, lookup.bound);
      if (!rules.length) continue;
      const counted = 'found' in lookup ? lookup.found.filedServices + others : others;
      const reasons = rules.map((rule) => (rule === 'at_quota' ? quotaReason(counted, wanted) : RESOURCE_RULES[rule].reason)).join('；');
      findings.push({ path: use.path, code: 'RESOURCE_INELIGIBLE', message: `云资源 ${use.instanceId} 不能用于备案：${reasons}` });
    }
    return findings;
  }

  standsOn(tx: EntityManager, orderId: string): Promise<boolean> {
    return this.uses.hasUses(tx, orderId);
  }

  private choice(resource: CloudResource, rules: ReturnType<typeof resourceIneligibility>): ResourceChoice {
    return {
      ...resource,
      typeLabel: RESOURCE_TYPES[resource.type],
      regionLabel: (RESOURCE_REGIONS[resource.region as ResourceRegion] as { label: string } | undefined)?.label ?? resource.region,
      eligible: rules.length === 0,
      reasons: rules.map((rule) => ({ rule, reason: RESOURCE_RULES[rule].reason })),
    };
  }
}
