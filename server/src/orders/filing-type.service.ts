import { Injectable } from '@nestjs/common';
import {
  ORDER_KINDS,
  validateCertificateNumber,
  validateDomain,
  validationMessage,
  type CreateOrderRequest,
  type FieldError,
  type FilingTypeDecision,
  type FilingTypeVerifyRequest,
  type OrderKind,
} from '@beian/shared';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { FilingRecordStore, SUBJECT_STATES_WITH_US } from '../filing-record/filing-record.store';
import { FilingRegistry } from './filing-registry.port';

const SERVICE_LABEL = { website: '网站', app: 'APP' } as const;

/**
 * 验证备案类型, decided in this order: the service already has a number elsewhere → 接入备案; the subject has an
 * approved filing with us → 新增服务（原备案在本平台）; the subject is filed elsewhere → 新增服务（原备案不在本平台）;
 * otherwise 首次备案.
 */
@Injectable()
export class FilingTypeService {
  constructor(
    private readonly db: DatabaseService,
    private readonly cipher: FieldCipher,
    private readonly registry: FilingRegistry,
    private readonly records: FilingRecordStore,
  ) {}

  async decide(request: FilingTypeVerifyRequest): Promise<FilingTypeDecision> {
    const { certificateNumber, service } = this.checkedFacts(request);
    const label = SERVICE_LABEL[request.serviceType];
    const elsewhere = await this.registry.findService(request.serviceType, service);
    if (elsewhere) {
      return {
        kind: 'access_filing',
        reason: `该${label}已在${elsewhere.provider}取得备案号${elsewhere.serviceIcpNumber ? `（${elsewhere.serviceIcpNumber}）` : ''}，现接入本平台，请办理接入备案，备案号保持不变`,
        subjectIcpNumber: elsewhere.subjectIcpNumber,
      };
    }
    const local = await this.subjectNumberHere(certificateNumber);
    if (local) {
      return {
        kind: 'add_service_local',
        reason: `主办者已在本平台备案（主体备案号 ${local}），请为其新增${label}，主体信息沿用已备案内容`,
        subjectIcpNumber: local,
      };
    }
    const remote = await this.registry.findSubject(certificateNumber);
    if (remote) {
      return {
        kind: 'add_service_remote',
        reason: `主办者已在${remote.provider}备案（主体备案号 ${remote.subjectIcpNumber}），请在本平台新增${label}，需填写主体备案号，部分地区还需备案密码`,
        subjectIcpNumber: remote.subjectIcpNumber,
      };
    }
    return { kind: 'first_filing', reason: `主办者和该${label}均未备案，请办理首次备案` };
  }

  /**
   * The kind an order is created with: the server's decision when the facts come along (a contradicting `kind`
   * is refused), else only a first filing, whose facts the wizard verifies once they are entered.
   */
  async kindForNewOrder(request: CreateOrderRequest, kind: OrderKind): Promise<OrderKind> {
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
    const decision = await this.decide(facts);
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

  /** The subject number of the subject with us (a cancelled or departed subject is no longer "filed here"). */
  private async subjectNumberHere(certificateNumber: string): Promise<string | null> {
    const subject = await this.records.subjectByCertificate(this.db.manager, this.subjectIndex(certificateNumber));
    return subject && SUBJECT_STATES_WITH_US.includes(subject.state) ? subject.subjectIcpNumber : null;
  }

  private checkedFacts(request: FilingTypeVerifyRequest): { certificateNumber: string; service: string } {
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
    return { certificateNumber: certificate.value, service };
  }
}
