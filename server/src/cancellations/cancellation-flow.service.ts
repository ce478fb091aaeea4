import { Injectable } from '@nestjs/common';
import {
  CANCELLATION_NOTICES,
  ORDER_KINDS,
  cancellationDeclaration,
  isCancellationKind,
  type CancellationKind,
  type CancellationSelection,
  type CancellationView,
  type CodeChannel,
  type CodeRecipient,
  type FieldError,
  type SendAccountCodeRequest,
  type SendAccountCodeResponse,
  type SessionUser,
  type VerifyAccountCodeRequest,
} from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingRecordStore } from '../filing-record/filing-record.store';
import type { FilingServiceEntity } from '../filing-record/filing-service.entity';
import type { FilingSubjectEntity } from '../filing-record/filing-subject.entity';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { VerificationCodes, type CodeAddress } from './verification-codes.service';

/** What a cancellation order keeps in its draft (section `cancellation`). */
export interface CancellationDraft {
  serviceIds: string[];
  /** Whom MIIT texts (注销 only): the principals on record, with the certificate their form asks the end of. */
  principals: { role: 'subject_principal' | 'service_principal'; mobile: string; certificateNumber: string }[];
  declaration?: string;
}

interface Loaded {
  order: FilingOrderEntity;
  kind: CancellationKind;
  subject: FilingSubjectEntity;
  /** In clear: a personal subject's name is the person's, encrypted at rest. */
  subjectName: string;
  active: FilingServiceEntity[];
}

const fieldError = (path: string, code: string, message: string) => AppException.validation([{ path, code, message }]);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * 注销主体 / 注销服务（批量）/ 取消接入（批量）between the order's creation and its submission: the services chosen,
 * the declaration typed and the code entered, by phone or e-mail, from the principal on record.
 */
@Injectable()
export class CancellationFlowService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OrderAccess,
    private readonly drafts: OrderDraftStore,
    private readonly records: FilingRecordStore,
    private readonly codes: VerificationCodes,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async view(user: SessionUser, orderId: string): Promise<CancellationView> {
    return this.db.transaction(async (tx) => {
      const loaded = await this.load(tx, await this.access.owned(tx, user, orderId));
      return this.render(tx, loaded, await this.drafts.load(tx, orderId));
    });
  }

  async select(user: SessionUser, orderId: string, selection: CancellationSelection): Promise<CancellationView> {
    return this.db.transaction(async (tx) => {
      const loaded = await this.load(tx, await this.access.editable(tx, user, orderId));
      const serviceIds = this.chosen(loaded, selection.serviceIds);
      const cancellation: CancellationDraft = { serviceIds, principals: this.texted(loaded, serviceIds) };
      await this.drafts.save(tx, orderId, { cancellation }, this.clock.now());
      await tx.update(FilingOrderEntity, { id: orderId }, { serviceIds: JSON.stringify(serviceIds) });
      return this.render(tx, loaded, { cancellation });
    });
  }

  async sendCode(user: SessionUser, orderId: string, request: SendAccountCodeRequest): Promise<SendAccountCodeResponse> {
    const { kind, to } = await this.db.transaction(async (tx) => {
      const loaded = await this.load(tx, await this.access.editable(tx, user, orderId));
      return { kind: loaded.kind, to: this.address(loaded, await this.drafts.load(tx, orderId), request.channel) };
    });
    return this.codes.send(user.id, orderId, to, ORDER_KINDS[kind].label);
  }

  async verify(user: SessionUser, orderId: string, request: VerifyAccountCodeRequest): Promise<CancellationView> {
    const { loaded, to, expected } = await this.db.transaction(async (tx) => {
      const loaded = await this.load(tx, await this.access.editable(tx, user, orderId));
      const expected = cancellationDeclaration(loaded.kind, loaded.subjectName);
      if (expected && request.declaration?.trim() !== expected) throw fieldError('declaration', 'DECLARATION_MISMATCH', `请准确输入声明：${expected}`);
      return { loaded, to: this.address(loaded, await this.drafts.load(tx, orderId), request.channel), expected };
    });
    await this.codes.verify(user.id, orderId, to, request.code);
    return this.db.transaction(async (tx) => {
      const draft = await this.drafts.load(tx, orderId);
      const cancellation = { ...(draft.cancellation as CancellationDraft), ...(expected ? { declaration: expected } : {}) };
      await this.drafts.save(tx, orderId, { cancellation }, this.clock.now());
      return this.render(tx, loaded, { ...draft, cancellation });
    });
  }

  /** Submission check: the services are still with us, the declaration was typed and a code confirmed the order. */
  async findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]> {
    const order = await tx.findOne(FilingOrderEntity, { where: { id: orderId } });
    if (!order || !isCancellationKind(order.kind)) return [];
    const loaded = await this.load(tx, order);
    const cancellation = draft.cancellation as CancellationDraft | undefined;
    const serviceIds = order.serviceIds ? (JSON.parse(order.serviceIds) as string[]) : [];
    const active = new Set(loaded.active.map((s) => s.id));
    if (!cancellation || !(serviceIds.length || loaded.kind === 'cancel_subject'))
      return [{ path: 'cancellation.serviceIds', code: 'REQUIRED', message: '请选择需要办理的网站/APP' }];
    // The draft is the applicant's to edit: whom MIIT texts must still be the principals on record.
    if (serviceIds.some((id) => !active.has(id)) || JSON.stringify(cancellation.principals ?? []) !== JSON.stringify(this.texted(loaded, serviceIds)))
      return [{ path: 'cancellation.serviceIds', code: 'SERVICE_NOT_ACTIVE', message: '所选网站/APP 已变化，请重新选择' }];
    const findings: FieldError[] = [];
    const expected = cancellationDeclaration(loaded.kind, loaded.subjectName);
    if (expected && cancellation.declaration !== expected)
      findings.push({ path: 'cancellation.declaration', code: 'REQUIRED', message: `请输入声明：${expected}` });
    const addresses = (['sms', 'email'] as const).flatMap((channel) => this.addressOrNull(loaded, draft, channel) ?? []);
    if (!(await this.codes.confirmed(tx, orderId, addresses)))
      findings.push({ path: 'cancellation.code', code: 'CODE_REQUIRED', message: '请获取并输入验证码完成身份验证' });
    return findings;
  }

  private async load(tx: EntityManager, order: FilingOrderEntity): Promise<Loaded> {
    if (!isCancellationKind(order.kind) || !order.subjectId) throw new AppException('CANCELLATION_NOT_ALLOWED');
    const subject = await this.records.subject(tx, order.subjectId);
    if (!subject) throw new AppException('FILING_SUBJECT_NOT_FOUND');
    return {
      order,
      kind: order.kind,
      subject,
      subjectName: this.cipher.open(subject.name),
      active: await this.records.servicesOfSubjects(tx, [subject.id], ['active']),
    };
  }

  /** 注销主体 takes every service with it; the others take the chosen ones, one for the single kinds. */
  private chosen({ kind, active }: Loaded, serviceIds: string[]): string[] {
    if (kind === 'cancel_subject') return active.map((s) => s.id);
    const unique = [...new Set(serviceIds)];
    if (!unique.length) throw fieldError('serviceIds', 'REQUIRED', '请选择需要办理的网站/APP');
    if (!ORDER_KINDS[kind].batch && unique.length > 1) throw fieldError('serviceIds', 'TOO_MANY', '一次只能办理一个网站/APP，多个请使用批量办理');
    const ids = new Set(active.map((s) => s.id));
    if (unique.some((id) => !ids.has(id))) throw fieldError('serviceIds', 'SERVICE_NOT_ACTIVE', '所选网站/APP 不在该主体下或已不在本平台，请重新选择');
    return active.filter((s) => unique.includes(s.id)).map((s) => s.id);
  }

  /** The principals MIIT texts for this kind (none for 取消接入). */
  private texted({ kind, subject, active }: Loaded, serviceIds: string[]): CancellationDraft['principals'] {
    const roles = new Set(ORDER_KINDS[kind].smsRecipients.map((r) => r.role));
    const principals: CancellationDraft['principals'] = [];
    if (roles.has('subject_principal')) {
      const principal = this.drafts.unseal(subject.principal, 'subjectPrincipal');
      principals.push({
        role: 'subject_principal',
        mobile: text(principal.mobile),
        certificateNumber: text(principal.certificateNumber) || this.cipher.decrypt(subject.certificateNumber),
      });
    }
    if (roles.has('service_principal')) {
      for (const service of active.filter((s) => serviceIds.includes(s.id))) {
        const principal = this.principalOf(service);
        principals.push({ role: 'service_principal', mobile: text(principal.mobile), certificateNumber: text(principal.certificateNumber) });
      }
    }
    return principals.filter((p) => p.mobile);
  }

  /** Who confirms with a code: the service's principal for one service, the subject principal otherwise. */
  private confirmingPrincipal({ kind, subject, active }: Loaded, draft: DraftTree): DraftTree {
    const serviceIds = (draft.cancellation as CancellationDraft | undefined)?.serviceIds ?? [];
    const service = ORDER_KINDS[kind].batch || kind === 'cancel_subject' ? undefined : active.find((s) => s.id === serviceIds[0]);
    return service ? this.principalOf(service) : this.drafts.unseal(subject.principal, 'subjectPrincipal');
  }

  /** A service's principal on record, decrypted (sealed as the draft path of its kind). */
  private principalOf(service: FilingServiceEntity): DraftTree {
    return this.drafts.unseal(service.principal, service.serviceType === 'website' ? 'websites.0.principal' : 'apps.0.principal');
  }

  private addressOrNull(loaded: Loaded, draft: DraftTree, channel: CodeChannel): CodeAddress | null {
    const principal = this.confirmingPrincipal(loaded, draft);
    const address = text(channel === 'sms' ? principal.mobile : principal.email);
    return address ? { channel, address } : null;
  }

  private address(loaded: Loaded, draft: DraftTree, channel: CodeChannel): CodeAddress {
    if (!(draft.cancellation as CancellationDraft | undefined)) throw fieldError('serviceIds', 'REQUIRED', '请先选择需要办理的网站/APP');
    const to = this.addressOrNull(loaded, draft, channel);
    if (!to)
      throw fieldError('channel', 'CONTACT_MISSING', channel === 'sms' ? '负责人未登记手机号码，请选择邮件验证' : '负责人未登记电子邮箱，请选择手机验证');
    return to;
  }

  private async render(tx: EntityManager, loaded: Loaded, draft: DraftTree): Promise<CancellationView> {
    const cancellation = draft.cancellation as CancellationDraft | undefined;
    const serviceIds = cancellation?.serviceIds ?? [];
    const chosen = loaded.active.filter((s) => serviceIds.includes(s.id));
    const coversAllServices = chosen.length > 0 && chosen.length === loaded.active.length;
    const recipients: CodeRecipient[] = (['sms', 'email'] as const).map((channel) => {
      const to = cancellation ? this.addressOrNull(loaded, draft, channel) : null;
      return { channel, addressMasked: to ? maskPersonalValue(channel === 'sms' ? 'mobile' : 'email', to.address) : null };
    });
    const addresses = recipients.flatMap((r) => (cancellation ? (this.addressOrNull(loaded, draft, r.channel) ?? []) : []));
    return {
      orderId: loaded.order.id,
      kind: loaded.kind,
      subjectName: loaded.subjectName,
      subjectIcpNumber: loaded.subject.subjectIcpNumber,
      services: chosen.map((s) => ({ id: s.id, name: s.name, serviceType: s.serviceType, serviceIcpNumber: s.serviceIcpNumber })),
      declaration: cancellationDeclaration(loaded.kind, loaded.subjectName),
      coversAllServices,
      notices: noticesFor(loaded.kind, coversAllServices),
      recipients,
      verified: addresses.length > 0 && (await this.codes.confirmed(tx, loaded.order.id, addresses)),
    };
  }
}

/** The seed's notices for the kind, the 空壳 / 全部取消接入 one only when every service is chosen. */
function noticesFor(kind: CancellationKind, coversAllServices: boolean): string[] {
  if (kind === 'cancel_access' || kind === 'cancel_access_batch')
    return [
      CANCELLATION_NOTICES.noProvider,
      ...(coversAllServices ? [CANCELLATION_NOTICES.allAccessCancelled] : []),
      CANCELLATION_NOTICES.accessNotWithdrawable,
      CANCELLATION_NOTICES.timing,
    ];
  const shell = kind !== 'cancel_subject' && coversAllServices ? [CANCELLATION_NOTICES.shellWarning] : [];
  return [...shell, CANCELLATION_NOTICES.notWithdrawable, CANCELLATION_NOTICES.timing];
}
