import { Injectable } from '@nestjs/common';
import { provinceByCode, type CreateOrderRequest, type FieldError, type OrderKind } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingRecordStore, type SubjectRef } from '../filing-record/filing-record.store';
import { RecordDrafts } from '../filing-record/record-draft';
import { changedPaths } from '../order-core/draft-paths.util';
import type { DraftTree } from '../order-core/order-draft.store';
import { AppException } from '../platform/errors/app-exception';

type Section = Record<string, unknown>;
const sectionOf = (tree: DraftTree, key: string): Section => (tree[key] && typeof tree[key] === 'object' ? (tree[key] as Section) : {});
const listOf = (tree: DraftTree, key: string): Section[] => (Array.isArray(tree[key]) ? (tree[key] as Section[]) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const locked = (path: string, message: string): FieldError => ({ path, code: 'FIELD_LOCKED', message });

/** Who a principal is: a different name, certificate or mobile is a different person to MIIT. */
const PERSON_KEYS = ['name', 'certificateType', 'certificateNumber', 'mobile'] as const;

/**
 * 变更备案 / 变更服务 (S003 2600–3563): the services chosen in "选择需要变更的服务", the draft copied from the record,
 * and what the record keeps: 主体备案号 and the province always, the subject for 变更服务, a personal filing's
 * service principal for 变更服务 (S003 3123: it is the subject principal, changed through 变更备案).
 */
@Injectable()
export class ChangeOrders {
  constructor(
    private readonly records: FilingRecordStore,
    private readonly recordDrafts: RecordDrafts,
  ) {}

  /** The chosen services, each an active service of the subject; 变更服务 needs at least one. */
  async chosenServices(tx: EntityManager, kind: OrderKind, subject: SubjectRef, request: CreateOrderRequest): Promise<string[]> {
    const ids = [...new Set(request.serviceIds ?? [])];
    if (kind === 'change_service' && !ids.length) {
      throw AppException.validation([{ path: 'serviceIds', code: 'REQUIRED', message: '请选择需要变更的服务' }]);
    }
    const active = new Set((await this.records.servicesOfSubjects(tx, [subject.id], ['active'])).map((s) => s.id));
    if (ids.some((id) => !active.has(id))) {
      throw AppException.validation([
        { path: 'serviceIds', code: 'FILING_SERVICE_NOT_FOUND', message: '所选服务不属于该主体或已注销，请重新选择需要变更的服务' },
      ]);
    }
    return ids;
  }

  /** Refuses a saved section that changes what the record keeps, on the field, with why. */
  async assertKept(tx: EntityManager, order: { kind: OrderKind; subjectId: string; serviceIds: string | null }, sections: DraftTree): Promise<void> {
    const record = await this.recordDrafts.draftOf(tx, order.subjectId, order.serviceIds ? (JSON.parse(order.serviceIds) as string[]) : []);
    if (!record) return;
    const findings = [...this.subjectFindings(order.kind, record.draft, sections), ...this.serviceFindings(order.kind, record.draft, sections)];
    if (findings.length) throw AppException.validation(findings);
  }

  private subjectFindings(kind: OrderKind, record: DraftTree, sections: DraftTree): FieldError[] {
    const findings: FieldError[] = [];
    if (kind === 'change_service') {
      for (const key of ['subject', 'subjectPrincipal'].filter((k) => k in sections)) {
        const [path] = changedPaths(record[key], sections[key], key);
        if (path) findings.push(locked(`draft.${path}`, '变更服务不修改主体信息；如需修改主体信息，请办理变更备案'));
      }
      return findings;
    }
    if (!('subject' in sections)) return findings;
    const was = sectionOf(record, 'subject');
    const now = sectionOf(sections, 'subject');
    if (text(now.subjectIcpNumber) !== text(was.subjectIcpNumber)) findings.push(locked('draft.subject.subjectIcpNumber', '主体备案号不允许修改'));
    if (provinceByCode(text(now.regionCode))?.code !== provinceByCode(text(was.regionCode))?.code) {
      findings.push(locked('draft.subject.regionCode', '备案地区（省级）不允许修改；如没有您可选择的区域，请就近选择地区并在备注中说明情况'));
    }
    if (was.nature !== 'personal' && now.nature === 'personal') findings.push(locked('draft.subject.nature', '企业备案无法变更为个人备案'));
    return findings;
  }

  private serviceFindings(kind: OrderKind, record: DraftTree, sections: DraftTree): FieldError[] {
    const personal = sectionOf(record, 'subject').nature === 'personal';
    return (['websites', 'apps'] as const)
      .filter((list) => list in sections)
      .flatMap((list) => {
        const was = listOf(record, list);
        const now = listOf(sections, list);
        if (now.length !== was.length) {
          return [locked(`draft.${list}`, '变更不增减服务：新增请办理新增服务，不再使用的请办理注销服务')];
        }
        return now.flatMap((service, i) => {
          const found: FieldError[] = [];
          if (text(service.icpNumber) !== text(was[i]!.icpNumber)) found.push(locked(`draft.${list}.${i}.icpNumber`, '服务备案号不允许修改'));
          const before = sectionOf(was[i]!, 'principal');
          const after = sectionOf(service, 'principal');
          if (kind === 'change_service' && personal && PERSON_KEYS.some((key) => text(after[key]) !== text(before[key]))) {
            found.push({
              path: `draft.${list}.${i}.principal`,
              code: 'PRINCIPAL_CHANGE_NEEDS_CHANGE_FILING',
              message: '个人备案时，服务负责人默认为主体负责人，网站/APP 变更办理不支持变更服务负责人；若需要变更服务负责人，请进行变更备案办理',
            });
          }
          return found;
        });
      });
  }
}
