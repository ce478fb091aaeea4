import { Injectable } from '@nestjs/common';
import {
  RESOURCE_REGIONS,
  RESOURCE_RULES,
  RESOURCE_TYPES,
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

const SERVICE_SECTIONS = ['websites', 'apps'] as const;

/** A service of the draft that names an instance of the account. */
interface InstanceUse {
  path: string;
  instanceId: string;
}

function instanceUses(draft: DraftTree): InstanceUse[] {
  return SERVICE_SECTIONS.flatMap((section) => {
    const services = Array.isArray(draft[section]) ? (draft[section] as { resource?: { type?: string; instanceId?: string } }[]) : [];
    return services.flatMap((service, i) => {
      const instanceId = service?.resource?.type === 'instance' ? service.resource.instanceId?.trim() : undefined;
      return instanceId ? [{ path: `${section}.${i}.resource.instanceId`, instanceId }] : [];
    });
  });
}

/** Whether an account's instances can host a filing, by the rules of RESOURCE_RULES. */
@Injectable()
@RESOURCE_CHECKS()
export class ResourceEligibility implements ResourceCheck {
  constructor(
    private readonly inventory: ResourceInventory,
    private readonly clock: Clock,
  ) {}

  /** The account's resources for the picker: eligible ones first, each ineligible one with its reasons. */
  async choices(tx: EntityManager, accountId: string): Promise<ResourceChoice[]> {
    const resources = await this.inventory.list(tx, accountId);
    const byId = new Map(resources.map((resource) => [resource.instanceId, resource]));
    const now = this.clock.now();
    const choices = resources.map((resource) =>
      this.choice(resource, resourceIneligibility(resource, now, 1, byId.get(resource.boundInstanceId ?? '') ?? null)),
    );
    return [...choices.filter((c) => c.eligible), ...choices.filter((c) => !c.eligible)];
  }

  /** Each service whose instance cannot host it (with the others of the draft on the same instance), on its field. */
  async findings(tx: EntityManager, accountId: string, draft: DraftTree): Promise<FieldError[]> {
    const uses = instanceUses(draft);
    const perInstance = new Map<string, number>();
    for (const use of uses) perInstance.set(use.instanceId, (perInstance.get(use.instanceId) ?? 0) + 1);
    const now = this.clock.now();
    const findings: FieldError[] = [];
    for (const use of uses) {
      const lookup = await this.inventory.lookup(tx, accountId, use.instanceId);
      if ('unchecked' in lookup) continue;
      const rules =
        'missing' in lookup ? (['not_found'] as const) : resourceIneligibility(lookup.found, now, perInstance.get(use.instanceId) ?? 1, lookup.bound);
      if (!rules.length) continue;
      const reasons = rules.map((rule) => RESOURCE_RULES[rule].reason).join('；');
      findings.push({ path: use.path, code: 'RESOURCE_INELIGIBLE', message: `云资源 ${use.instanceId} 不能用于备案：${reasons}` });
    }
    return findings;
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
