import { Injectable } from '@nestjs/common';
import type { InvitationView, SendSmsCodeResponse, SessionUser } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { MaterialsService } from '../materials/materials.service';
import { draftPrincipals, principalAtPath } from '../order-core/draft-principals';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { SmsService } from '../sms/sms.service';
import type { CheckScope } from './biometric-consents';
import { PrincipalInvitationsService } from './principal-invitations.service';

const ID_PHOTO_KINDS: readonly string[] = ['certificate_front', 'certificate_back'];

/**
 * The invited principal's own part besides the face check: their ID photos become the order's materials for every
 * path where they are the principal, and they prove their own mobile (the one the applicant typed) by SMS code.
 */
@Injectable()
export class InviteeOwnPartService {
  constructor(
    private readonly db: DatabaseService,
    private readonly invitations: PrincipalInvitationsService,
    private readonly materials: MaterialsService,
    private readonly drafts: OrderDraftStore,
    private readonly sms: SmsService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async attachIdPhoto(user: SessionUser, token: string, fileId: string): Promise<InvitationView> {
    await this.db.transaction(async (tx) => {
      const scope = await this.invitations.invitedScope(tx, user, token);
      const upload = await this.materials.confirmedUpload(tx, scope.orderId, fileId);
      if (!upload || upload.uploaderId !== user.id || upload.target !== scope.path || !ID_PHOTO_KINDS.includes(upload.kind)) {
        throw new AppException('UPLOAD_NOT_FOUND');
      }
      const draft = await this.drafts.load(tx, scope.orderId);
      const paths = draftPrincipals(draft)
        .filter((p) => p.certificateNumber && this.cipher.blindIndex(p.certificateNumber) === scope.certificateIndex)
        .map((p) => p.path);
      const materials = (Array.isArray(draft.materials) ? (draft.materials as Record<string, unknown>[]) : []).filter(
        (item) => !(item.kind === upload.kind && paths.includes(String(item.target))),
      );
      materials.push(...paths.map((target) => ({ kind: upload.kind, fileId: upload.id, target })));
      const now = this.clock.now();
      await this.drafts.save(tx, scope.orderId, { materials }, now);
      // The applicant's open wizard sees a newer version and merges the materials in before its next save.
      await tx.increment(FilingOrderEntity, { id: scope.orderId }, 'version', 1);
    });
    return this.invitations.view(user, token);
  }

  async sendSmsCode(user: SessionUser, token: string): Promise<SendSmsCodeResponse> {
    const { mobile } = await this.db.transaction(async (tx) => this.mobileOf(tx, await this.invitations.invitedScope(tx, user, token)));
    return this.sms.sendCode(user, { mobile, purpose: 'principal_mobile' });
  }

  async verifyMobile(user: SessionUser, token: string, code: string): Promise<InvitationView> {
    await this.sms.verifyForOrder(user.id, code, async (tx) => {
      const scope = await this.invitations.invitedScope(tx, user, token);
      return { orderId: scope.orderId, ...(await this.mobileOf(tx, scope)) };
    });
    return this.invitations.view(user, token);
  }

  /** The mobile the applicant typed for the invited principal: the only number this invitation can verify. */
  private async mobileOf(tx: EntityManager, scope: CheckScope): Promise<{ mobile: string; path: string }> {
    const principal = principalAtPath(await this.drafts.load(tx, scope.orderId), scope.path);
    if (!principal?.mobile || this.cipher.blindIndex(principal.certificateNumber) !== scope.certificateIndex) {
      throw AppException.validation([{ path: 'mobile', code: 'PRINCIPAL_INCOMPLETE', message: '申请人尚未填写您的手机号码，请联系申请人补充后再验证' }]);
    }
    return { mobile: principal.mobile, path: scope.path };
  }
}
