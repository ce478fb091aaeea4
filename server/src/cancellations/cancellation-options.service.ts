import { Injectable } from '@nestjs/common';
import {
  CANCELLATION_KINDS,
  FILING_SUBJECT_STATES,
  ORDER_KINDS,
  ORDER_STATE_KEYS,
  SHELL_CANCELLATION_PROVINCES,
  SHELL_CANCELLATION_TEXT,
  isTerminal,
  type CancellationAction,
  type CancellationKind,
  type CancellationOptions,
  type SessionUser,
  type ShellGuidance,
} from '@beian/shared';
import { In, type EntityManager } from 'typeorm';
import { FilingRecordStore } from '../filing-record/filing-record.store';
import type { FilingServiceEntity } from '../filing-record/filing-service.entity';
import type { FilingSubjectEntity } from '../filing-record/filing-subject.entity';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';

const OPEN_STATES = ORDER_STATE_KEYS.filter((state) => !isTerminal(state));
const SUBJECT_KINDS: readonly CancellationKind[] = ['cancel_subject'];

/** Which 注销 / 取消接入 kinds a subject allows now, each refusal with its reason, and a 空壳主体's offline procedure. */
@Injectable()
export class CancellationOptionsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly records: FilingRecordStore,
    private readonly cipher: FieldCipher,
  ) {}

  async options(user: SessionUser, subjectId: string): Promise<CancellationOptions> {
    const tx = this.db.manager;
    const subject = await this.records.subject(tx, subjectId);
    if (!subject || subject.ownerId !== user.id) throw new AppException('FILING_SUBJECT_NOT_FOUND');
    const services = await this.records.servicesOfSubjects(tx, [subjectId], ['active']);
    const inFlight = await this.openOrder(tx, user.id, subjectId);
    return {
      subjectId,
      subjectType: subject.nature === 'personal' ? 'personal' : 'unit',
      subjectName: this.cipher.open(subject.name),
      subjectIcpNumber: subject.subjectIcpNumber,
      shell: subject.state === 'shell',
      actions: CANCELLATION_KINDS.map((kind) => ({ kind, ...this.availability(kind, subject, services, inFlight) })),
      services: services.map((s) => ({ id: s.id, name: s.name, serviceType: s.serviceType, serviceIcpNumber: s.serviceIcpNumber })),
      shellGuidance: subject.state === 'shell' ? shellGuidance(subject.provinceCode) : null,
    };
  }

  private availability(
    kind: CancellationKind,
    subject: FilingSubjectEntity,
    activeServices: FilingServiceEntity[],
    inFlight: FilingOrderEntity | null,
  ): Omit<CancellationAction, 'kind'> {
    const refuse = (reason: string) => ({ available: false, reason });
    if (subject.state === 'shell') {
      return refuse(
        SUBJECT_KINDS.includes(kind)
          ? '该主体为空壳主体，无法在线注销主体，请按页面说明向备案所在地通信管理局线下申请注销'
          : '该主体为空壳主体，名下已没有在本平台接入的网站/APP',
      );
    }
    if (subject.state !== 'active') return refuse(`该主体${FILING_SUBJECT_STATES[subject.state]}，不能办理「${ORDER_KINDS[kind].label}」`);
    if (inFlight) return refuse(`有进行中的「${ORDER_KINDS[inFlight.kind].label}」订单，请等待订单完成或撤销后再办理`);
    if (!SUBJECT_KINDS.includes(kind) && !activeServices.length) return refuse('主体下没有可办理的网站/APP');
    return { available: true, reason: null };
  }

  /** The account's open order, or else one open on this subject (one order in flight per account and per subject). */
  async openOrder(tx: EntityManager, ownerId: string, subjectId: string): Promise<FilingOrderEntity | null> {
    const select = { id: true, kind: true } as const;
    return (
      (await tx.findOne(FilingOrderEntity, { select, where: { ownerId, status: In(OPEN_STATES) } })) ??
      (await tx.findOne(FilingOrderEntity, { select, where: { subjectId, status: In(OPEN_STATES) } }))
    );
  }
}

function shellGuidance(provinceCode: string): ShellGuidance {
  return {
    text: SHELL_CANCELLATION_TEXT.text,
    refile: SHELL_CANCELLATION_TEXT.refile,
    unapprovedSuffix: SHELL_CANCELLATION_TEXT.unapprovedSuffix,
    noForm: SHELL_CANCELLATION_TEXT.noForm,
    formSearch: SHELL_CANCELLATION_TEXT.formSearch,
    formSearchUrl: SHELL_CANCELLATION_TEXT.formSearchUrl,
    provinces: [...SHELL_CANCELLATION_PROVINCES],
    own: SHELL_CANCELLATION_PROVINCES.find((p) => p.provinceCode === provinceCode) ?? null,
  };
}
