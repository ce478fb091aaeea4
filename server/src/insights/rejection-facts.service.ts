import { Injectable } from '@nestjs/common';
import {
  addMonths,
  anonymiseReviewText,
  chinaDate,
  fieldPatternLabel,
  pathPattern,
  precheck,
  precheckFlagged,
  provinceByCode,
  rejectionArea,
  validateDraftForSubmit,
  type OrderRejection,
  type PrecheckMissesResponse,
  type RejectionHintsResponse,
  type SessionUser,
} from '@beian/shared';
import { MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { mapPersonalData } from '../platform/crypto/personal-data';
import { DatabaseService } from '../platform/database/database.service';
import { RejectionFactEntity } from './rejection-fact.entity';

type RejectedOrder = Pick<FilingOrderEntity, 'kind' | 'subjectType' | 'serviceType'>;

const TEXT_MAX = 500;
const HINTS_SHOWN = 5;
const HINT_DAYS = 30;
/** Enough rows for a staff page over a few months; the oldest beyond are left out. */
const MISSES_READ_MAX = 5000;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Every value of a draft that could name the applicant: personal data, the subject's name, domains and service names. */
function identifyingValues(draft: DraftTree): string[] {
  const values: string[] = [];
  mapPersonalData(draft, (_, value) => {
    values.push(value);
    return value;
  });
  const subject = draft.subject as Record<string, unknown> | undefined;
  values.push(text(subject?.name));
  for (const service of [...((draft.websites as unknown[]) ?? []), ...((draft.apps as unknown[]) ?? [])]) {
    const fields = (service ?? {}) as Record<string, unknown>;
    values.push(text(fields.name), ...(Array.isArray(fields.domains) ? fields.domains.map(text) : []));
  }
  return values.filter(Boolean);
}

/** What 初审 rejections teach the pre-check: recorded at each rejection, read by staff (misses) and applicants (hints). */
@Injectable()
export class RejectionFacts {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OrderAccess,
    private readonly drafts: OrderDraftStore,
    private readonly clock: Clock,
  ) {}

  /** One anonymised row per rejected field of an order rejected at 初审, in the rejection's transaction. */
  async record(tx: EntityManager, order: RejectedOrder, draft: DraftTree, rejections: readonly OrderRejection[], at: Date): Promise<void> {
    const fields = rejections.flatMap((rejection) => (rejection.path ? [{ ...rejection, path: rejection.path }] : []));
    if (!fields.length) return;
    const ctx = { kind: order.kind, subjectType: order.subjectType, serviceType: order.serviceType, now: at };
    const flagged = [...validateDraftForSubmit(draft, ctx), ...precheck(draft, ctx)];
    const personal = identifyingValues(draft);
    const subject = (draft.subject ?? {}) as Record<string, unknown>;
    const province = text(subject.regionCode).slice(0, 2) || null;
    await tx.insert(
      RejectionFactEntity,
      fields.map((rejection) => ({
        province,
        subjectType: order.subjectType,
        nature: text(subject.nature) || null,
        kind: order.kind,
        serviceType: order.serviceType,
        field: pathPattern(rejection.path).slice(0, 120),
        area: rejectionArea(rejection.path),
        reason: anonymiseReviewText(rejection.reason, personal).slice(0, TEXT_MAX),
        suggestion: anonymiseReviewText(rejection.suggestion, personal).slice(0, TEXT_MAX),
        missed: !precheckFlagged(rejection.path, flagged),
        rejectedAt: at,
      })),
    );
  }

  /** Misses of the last `months` calendar months (China), clustered by field and reason, biggest first. */
  async misses(months: number): Promise<PrecheckMissesResponse> {
    const since = `${addMonths(chinaDate(this.clock.now()), 1 - months).slice(0, 7)}-01`;
    const rows = await this.db.manager.find(RejectionFactEntity, {
      where: { missed: true, rejectedAt: MoreThanOrEqual(new Date(`${since}T00:00:00+08:00`)) },
      order: { rejectedAt: 'DESC' },
      take: MISSES_READ_MAX,
    });
    const groups = new Map<string, PrecheckMissesResponse['groups'][number] & { byMonth: Map<string, number>; provinceSet: Set<string> }>();
    for (const row of rows) {
      const key = `${row.field}|${row.reason}`;
      const group = groups.get(key) ?? {
        field: row.field,
        fieldLabel: fieldPatternLabel(row.field),
        area: row.area,
        reason: row.reason,
        suggestion: row.suggestion,
        count: 0,
        months: [],
        provinces: [],
        lastAt: row.rejectedAt.toISOString(),
        byMonth: new Map<string, number>(),
        provinceSet: new Set<string>(),
      };
      group.count += 1;
      const month = chinaDate(row.rejectedAt).slice(0, 7);
      group.byMonth.set(month, (group.byMonth.get(month) ?? 0) + 1);
      if (row.province) group.provinceSet.add(row.province);
      groups.set(key, group);
    }
    const clusters = [...groups.values()]
      .map(({ byMonth, provinceSet, ...group }) => ({
        ...group,
        months: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
        provinces: [...provinceSet].sort().map((code) => ({ code, name: provinceByCode(code)?.name ?? code })),
      }))
      .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
    return { since, total: rows.length, groups: clusters };
  }

  /** The top reasons orders like the caller's (same kind, and province and nature once the draft names them) were rejected last month. */
  async hints(user: SessionUser, orderId: string): Promise<RejectionHintsResponse> {
    const tx = this.db.manager;
    const order = await this.access.owned(tx, user, orderId);
    const subject = ((await this.drafts.loadSection(tx, [order.id], 'subject')).get(order.id) ?? {}) as Record<string, unknown>;
    const now = this.clock.now();
    const since = new Date(now.getTime() - HINT_DAYS * 24 * 60 * 60 * 1000);
    const province = text(subject.regionCode).slice(0, 2);
    const nature = text(subject.nature);
    const where: FindOptionsWhere<RejectionFactEntity> = {
      kind: order.kind,
      subjectType: order.subjectType,
      rejectedAt: MoreThanOrEqual(since),
      ...(province ? { province } : {}),
      ...(nature ? { nature } : {}),
    };
    const rows = await tx.find(RejectionFactEntity, {
      select: { field: true, reason: true, suggestion: true },
      where,
      order: { rejectedAt: 'DESC' },
      take: MISSES_READ_MAX,
    });
    const counted = new Map<string, RejectionHintsResponse['hints'][number]>();
    for (const row of rows) {
      const key = `${row.field}|${row.reason}`;
      const hint = counted.get(key) ?? { field: row.field, fieldLabel: fieldPatternLabel(row.field), reason: row.reason, suggestion: row.suggestion, count: 0 };
      hint.count += 1;
      counted.set(key, hint);
    }
    const hints = [...counted.values()].sort((a, b) => b.count - a.count).slice(0, HINTS_SHOWN);
    return { since: since.toISOString(), hints };
  }
}
