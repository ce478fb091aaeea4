import { Injectable } from '@nestjs/common';
import {
  FILED_BY_OTHER_MESSAGE,
  ORDER_KINDS,
  validateCertificateNumber,
  validateDomain,
  validationMessage,
  type CreateOrderRequest,
  type FieldError,
  type FilingServiceType,
  type FilingTypeDecision,
  type FilingTypeVerifyRequest,
  type OrderKind,
  type SessionUser,
} from '@beian/shared';
import { FilingRecordStore, SUBJECT_STATES_WITH_US, type SubjectRef } from '../filing-record/filing-record.store';
import { FilingRegistry } from '../filing-record/filing-registry.port';
import { FilingTypeChecks } from '../order-core/filing-type-checks';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';

const SERVICE_LABEL = { website: '网站', app: 'APP' } as const;

interface CheckedFacts {
  certificateIndex: string;
  certificateNumber: string;
  serviceType: FilingServiceType;
  service: string;
}

/**
 * 验证备案类型, decided from our record (我的备案) and the national registry, which also knows our filings:
 * 1. the website/APP: active with us under this subject → already filed (no order); held by another subject, with
 *    us or elsewhere → "该备案非您本人提交"; filed elsewhere by this subject → 接入备案 with its numbers;
 * 2. the subject: active or 空壳 with us → 新增服务（原备案在本平台）from its subject in 我的备案 (another account's
 *    subject cannot be used); filed elsewhere (or no longer with us) → 新增服务（原备案不在本平台）;
 * 3. otherwise 首次备案. A cancelled subject or service is not filed anywhere.
 * A 备案授权码 named with the facts is checked first by the module owning it (FILING_TYPE_CHECKS).
 */
@Injectable()
export class FilingTypeService {
  constructor(
    private readonly db: DatabaseService,
    private readonly cipher: FieldCipher,
    private readonly registry: FilingRegistry,
    private readonly record: FilingRecordStore,
    private readonly checks: FilingTypeChecks,
  ) {}

  async decide(user: SessionUser, request: FilingTypeVerifyRequest): Promise<FilingTypeDecision> {
    const facts = this.checkedFacts(request);
    const refusals = await this.checks.refusals(this.db.manager, user.id, request);
    if (refusals.length) throw AppException.validation(refusals);
    return (await this.byService(user, facts)) ?? (await this.bySubject(user, facts));
  }

  /**
   * The kind an order is created with: the server's decision when the facts come along (a contradicting `kind`
   * is refused, and so is any order when the decision allows none), else only a first filing, whose facts the
   * wizard verifies once they are entered.
   */
  async kindForNewOrder(user: SessionUser, request: CreateOrderRequest, kind: OrderKind): Promise<OrderKind> {
    if (!request.verification) {
      if (kind === 'first_filing' || !ORDER_KINDS[kind].detected) return kind;
      throw AppException.validation([{ path: 'kind', code: 'FILING_KIND_MISMATCH', message: '请先验证备案类型，再按验证结果创建订单' }]);
    }
    const facts = request.verification;
    const mismatches: FieldError[] = [];
    if (facts.serviceType !== request.serviceType) {
      mismatches.push({ path: 'serviceType', code: 'FILING_KIND_MISMATCH', message: '服务类型与验证备案类型时不一致，请重新验证备案类型' });
    }
    if ((facts.subjectNature === 'personal') !== (request.subjectType === 'personal')) {
      mismatches.push({ path: 'subjectType', code: 'FILING_KIND_MISMATCH', message: '主办者性质与验证备案类型时不一致，请重新验证备案类型' });
    }
    if (mismatches.length) throw AppException.validation(mismatches);
    const decision = await this.decide(user, facts);
    if (!decision.kind) throw AppException.validation([{ path: 'kind', code: 'FILING_KIND_MISMATCH', message: decision.reason }]);
    if (kind !== decision.kind) {
      throw AppException.validation([
        { path: 'kind', code: 'FILING_KIND_MISMATCH', message: `根据验证结果应办理「${ORDER_KINDS[decision.kind].label}」：${decision.reason}` },
      ]);
    }
    return decision.kind;
  }

  /** Blind index of a certificate number, kept on the order so a subject's filings can be found. */
  subjectIndex(certificateNumber: string): string {
    return this.cipher.blindIndex(certificateNumber);
  }

  private async byService(user: SessionUser, facts: CheckedFacts): Promise<FilingTypeDecision | null> {
    const label = SERVICE_LABEL[facts.serviceType];
    const here = await this.activeServiceHere(facts);
    if (here) {
      const { service, subject } = here;
      if (subject.certificateIndex !== facts.certificateIndex) return { outcome: 'filed_by_other', reason: `该${label}${FILED_BY_OTHER_MESSAGE}` };
      const numbers = `${label}备案号 ${service.serviceIcpNumber}，主体备案号 ${subject.subjectIcpNumber}`;
      const common = { outcome: 'already_filed', subjectIcpNumber: subject.subjectIcpNumber, serviceIcpNumber: service.serviceIcpNumber } as const;
      return subject.ownerId === user.id
        ? { ...common, subjectId: subject.id, reason: `该${label}已在本平台备案（${numbers}），无需重复备案，可在「我的备案」中查看` }
        : { ...common, reason: `该${label}已由同一主办者在本平台的其他账号下备案（${numbers}），无需重复备案，请登录该账号在「我的备案」中查看` };
    }
    const filed = await this.registry.findService(facts.serviceType, facts.service);
    if (!filed) return null;
    if (filed.certificateIndex !== facts.certificateIndex) return { outcome: 'filed_by_other', reason: `该${label}${FILED_BY_OTHER_MESSAGE}` };
    return {
      outcome: 'new_order',
      kind: 'access_filing',
      reason: `该${label}已在${filed.provider}取得备案号${filed.serviceIcpNumber ? `（${filed.serviceIcpNumber}）` : ''}，现接入本平台，请办理接入备案，备案号保持不变`,
      subjectIcpNumber: filed.subjectIcpNumber,
      ...(filed.serviceIcpNumber ? { serviceIcpNumber: filed.serviceIcpNumber } : {}),
    };
  }

  private async bySubject(user: SessionUser, facts: CheckedFacts): Promise<FilingTypeDecision> {
    const label = SERVICE_LABEL[facts.serviceType];
    const here = await this.record.subjectByCertificate(this.db.manager, facts.certificateIndex);
    if (here && SUBJECT_STATES_WITH_US.includes(here.state)) {
      if (here.ownerId !== user.id) {
        return {
          outcome: 'other_account',
          reason: `主办者已在本平台的其他账号下备案（主体备案号 ${here.subjectIcpNumber}），请登录该账号新增${label}，或先将备案迁移到当前账号`,
          subjectIcpNumber: here.subjectIcpNumber,
        };
      }
      return {
        outcome: 'new_order',
        kind: 'add_service_local',
        reason: `主办者已在本平台备案（主体备案号 ${here.subjectIcpNumber}），请为其新增${label}，主体信息沿用已备案内容`,
        subjectIcpNumber: here.subjectIcpNumber,
        subjectId: here.id,
      };
    }
    const remote = await this.registry.findSubject(facts.certificateNumber);
    if (remote) {
      return {
        outcome: 'new_order',
        kind: 'add_service_remote',
        reason: `主办者已在${remote.provider}备案（主体备案号 ${remote.subjectIcpNumber}），请在本平台新增${label}，需填写主体备案号，部分地区还需备案密码`,
        subjectIcpNumber: remote.subjectIcpNumber,
      };
    }
    return { outcome: 'new_order', kind: 'first_filing', reason: `主办者和该${label}均未备案，请办理首次备案` };
  }

  /** The active service of this domain / APP name under a subject still with us, with that subject. */
  private async activeServiceHere(facts: CheckedFacts) {
    const tx = this.db.manager;
    const services = await this.record.servicesByName(tx, facts.serviceType, facts.service);
    const service = services.find((s) => s.state === 'active' && SUBJECT_STATES_WITH_US.includes(s.subject.state));
    const subject: SubjectRef | null = service ? await this.record.subjectRef(tx, service.subjectId) : null;
    return service && subject ? { service, subject } : null;
  }

  private checkedFacts(request: FilingTypeVerifyRequest): CheckedFacts {
    const errors: FieldError[] = [];
    const certificate = validateCertificateNumber(request.certificateType, request.certificateNumber);
    if (!certificate.ok) errors.push({ path: 'certificateNumber', code: certificate.code, message: validationMessage(certificate.code) });
    let service = '';
    if (request.serviceType === 'website') {
      const domain = request.domain ? validateDomain(request.domain) : null;
      if (!domain) errors.push({ path: 'domain', code: 'REQUIRED', message: '请输入网站域名，如 example.com' });
      else if (!domain.ok) errors.push({ path: 'domain', code: domain.code, message: validationMessage(domain.code) });
      else service = domain.value;
    } else if (!request.appName) {
      errors.push({ path: 'appName', code: 'REQUIRED', message: '请输入APP名称' });
    } else {
      service = request.appName;
    }
    if (errors.length || !certificate.ok) throw AppException.validation(errors);
    return { certificateIndex: this.subjectIndex(certificate.value), certificateNumber: certificate.value, serviceType: request.serviceType, service };
  }
}
