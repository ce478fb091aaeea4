import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  BIOMETRIC_CONSENT_TEXT,
  BIOMETRIC_CONSENT_VERSION,
  INVITATION_HOURS,
  type ConsentRecord,
  type CreatePrincipalUploadRequest,
  type FaceChallenge,
  type FaceCheckView,
  type Invitation,
  type InvitationStatus,
  type InvitationView,
  type PrincipalStatus,
  type SessionUser,
  type SubmitFaceCheckRequest,
  type UploadTicket,
} from '@beian/shared';
import { In, IsNull, type EntityManager } from 'typeorm';
import { WechatApiError } from '../auth/wechat-gateway.port';
import { RecordDrafts } from '../filing-record/record-draft';
import { MaterialsService } from '../materials/materials.service';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { CREATE_IF_ABSENT, DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { draftPrincipals, principalAtPath, principalRoleLabel } from '../order-core/draft-principals';
import { FaceCheckEntity } from './face-check.entity';
import { BiometricConsents, type CheckScope } from './biometric-consents';
import { DONE, FaceChecksService } from './face-checks.service';
import { MiniProgramCodes } from '../auth/mini-program-code.port';
import { PrincipalInvitationEntity } from './principal-invitation.entity';
import { SmsSender, type InvitationSms } from '../sms/sms-sender.port';
import { SmsService } from '../sms/sms.service';
import { maskName, personsOf, servicesOf, text } from './principal-persons';

/** The invited principal's page in the mini-program and the H5 build (the wxacode `page`, without a leading `/`). */
const INVITE_PAGE = 'principal/pages/invite/index';
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The order's principals and their invitations: the invited person acts on their face check through the token. */
@Injectable()
export class PrincipalInvitationsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly drafts: OrderDraftStore,
    private readonly access: OrderAccess,
    private readonly materials: MaterialsService,
    private readonly faceChecks: FaceChecksService,
    private readonly consents: BiometricConsents,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly codes: MiniProgramCodes,
    private readonly recordDrafts: RecordDrafts,
    private readonly sender: SmsSender,
    private readonly sms: SmsService,
  ) {}

  /** The distinct persons of the draft with their face check and latest invitation. */
  list(user: SessionUser, orderId: string): Promise<PrincipalStatus[]> {
    return this.db.transaction(async (tx) => {
      await this.access.owned(tx, user, orderId);
      const draft = await this.drafts.load(tx, orderId);
      const persons = personsOf(draftPrincipals(draft), this.cipher);
      const recorded = await this.recordDrafts.recordedPeople(tx, orderId);
      const indexes = [...persons.keys()];
      const checks = indexes.length ? await tx.find(FaceCheckEntity, { where: { orderId, certificateIndex: In(indexes) } }) : [];
      const invitations = indexes.length
        ? await tx.find(PrincipalInvitationEntity, { where: { orderId, certificateIndex: In(indexes), revokedAt: IsNull() }, order: { createdAt: 'DESC' } })
        : [];
      return [...persons.entries()].map(([index, at]) => {
        const first = at[0]!;
        const check = checks.find((c) => c.certificateIndex === index);
        const invitation = invitations.find((i) => i.certificateIndex === index);
        return {
          paths: at.map((p) => p.path),
          nameMasked: maskName(first.name),
          certificateNumberMasked: maskPersonalValue('certificate_number', first.certificateNumber),
          faceCheck: check?.status ? this.faceChecks.checkView(check) : null,
          invitation: invitation
            ? { invitationId: invitation.id, status: this.invitationStatus(invitation), expiresAt: invitation.expiresAt.toISOString() }
            : null,
          inRecord: recorded.has(first.certificateNumber),
        };
      });
    });
  }

  /** Reported as sent only once the invitation SMS went through the SMS port; otherwise the new link is revoked. */
  async invite(user: SessionUser, orderId: string, path: string, origin: string): Promise<Invitation> {
    const { invitation, sms } = await this.createInvitation(user, orderId, path, origin);
    try {
      await this.sender.sendInvitation(sms);
    } catch {
      await this.db.manager.update(PrincipalInvitationEntity, { id: invitation.invitationId }, { revokedAt: this.clock.now() });
      throw new AppException('SMS_UNAVAILABLE');
    }
    return invitation;
  }

  private createInvitation(user: SessionUser, orderId: string, path: string, origin: string): Promise<{ invitation: Invitation; sms: InvitationSms }> {
    return this.db.retryingTransaction(async (tx) => {
      const order = await this.access.editable(tx, user, orderId);
      const draft = await this.drafts.load(tx, orderId);
      const principal = principalAtPath(draft, path);
      if (!principal?.certificateNumber || !principal.name) {
        throw AppException.validation([
          { path: `${path}.certificateNumber`, code: 'PRINCIPAL_INCOMPLETE', message: '请先填写该负责人的姓名和证件号码，再发送邀请' },
        ]);
      }
      if (!principal.mobile) {
        throw AppException.validation([{ path: `${path}.mobile`, code: 'PRINCIPAL_INCOMPLETE', message: '请先填写该负责人的手机号码：邀请短信发送到该号码' }]);
      }
      const certificateIndex = this.cipher.blindIndex(principal.certificateNumber);
      const check = await tx.findOneBy(FaceCheckEntity, { orderId, certificateIndex });
      if (check?.status && DONE.includes(check.status)) throw new AppException('FACE_CHECK_DONE');
      const now = this.clock.now();
      // One open invitation per person: a new one replaces the earlier link.
      await tx.update(PrincipalInvitationEntity, { orderId, certificateIndex, revokedAt: IsNull() }, { revokedAt: now });
      const id = randomUUID();
      const token = this.invitationToken(id);
      const invitation = tx.create(PrincipalInvitationEntity, {
        id,
        orderId,
        path,
        tokenHash: hashToken(token),
        certificateIndex,
        createdBy: user.id,
        acceptedBy: null,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: new Date(now.getTime() + INVITATION_HOURS * 3600_000),
        createdAt: now,
      });
      await tx.insert(PrincipalInvitationEntity, invitation);
      const link = `/${INVITE_PAGE}?token=${token}`;
      const subjectName = text((draft.subject as Record<string, unknown> | undefined)?.name);
      return {
        invitation: {
          invitationId: invitation.id,
          token,
          expiresAt: invitation.expiresAt.toISOString(),
          scene: token,
          link,
          path,
          smsSentTo: maskPersonalValue('mobile', principal.mobile),
        },
        sms: {
          mobile: principal.mobile,
          subjectName: order.subjectType === 'personal' ? maskName(subjectName) : subjectName,
          roleLabel: principalRoleLabel(path),
          link: `${origin}/#${link}`,
          hours: INVITATION_HOURS,
        },
      };
    });
  }

  /**
   * The image that opens an open invitation: a mini-program code whose `scene` is the token (the token is derived
   * from the invitation's id with the server's key, so it can be drawn again without being stored).
   */
  async invitationCode(user: SessionUser, invitationId: string, origin: string): Promise<Buffer> {
    const invitation = await this.db.manager.findOneBy(PrincipalInvitationEntity, { id: invitationId });
    if (!invitation) throw new AppException('INVITATION_NOT_FOUND');
    await this.access.owned(this.db.manager, user, invitation.orderId);
    if (invitation.revokedAt) throw new AppException('INVITATION_NOT_FOUND');
    if (invitation.expiresAt <= this.clock.now()) throw new AppException('INVITATION_EXPIRED');
    const token = this.invitationToken(invitation.id);
    try {
      return await this.codes.pageCode({ page: INVITE_PAGE, scene: token, h5Url: `${origin}/#/${INVITE_PAGE}?token=${token}` });
    } catch (error) {
      if (error instanceof WechatApiError) throw new AppException('WXACODE_UNAVAILABLE', undefined, { errcode: error.errcode });
      throw error;
    }
  }

  private invitationToken(invitationId: string): string {
    return Buffer.from(this.cipher.blindIndex(`invitation:${invitationId}`), 'hex')
      .subarray(0, 24)
      .toString('base64url');
  }

  revoke(user: SessionUser, orderId: string, invitationId: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      await this.access.owned(tx, user, orderId);
      const invitation = await tx.findOneBy(PrincipalInvitationEntity, { id: invitationId, orderId });
      if (!invitation) throw new AppException('INVITATION_NOT_FOUND');
      if (!invitation.revokedAt) await tx.update(PrincipalInvitationEntity, { id: invitation.id }, { revokedAt: this.clock.now() });
    });
  }

  view(user: SessionUser, token: string): Promise<InvitationView> {
    return this.db.transaction(async (tx) => this.invitationView(tx, user, await this.openInvitation(tx, user, token, false)));
  }

  /** Binds the invitation to the first account that accepts it; any other account is refused from then on. */
  accept(user: SessionUser, token: string): Promise<InvitationView> {
    return this.db.transaction(async (tx) => {
      const invitation = await this.openInvitation(tx, user, token, false);
      if (!invitation.acceptedBy) {
        const now = this.clock.now();
        const bound = await tx.update(PrincipalInvitationEntity, { id: invitation.id, acceptedBy: IsNull() }, { acceptedBy: user.id, acceptedAt: now });
        if (!bound.affected) throw new AppException('INVITATION_TAKEN');
        Object.assign(invitation, { acceptedBy: user.id, acceptedAt: now });
        await this.faceChecks.faceCheckWaiting(tx, user.id, invitation.orderId, invitation.path, `face_check_waiting:${invitation.id}`, now);
      }
      return this.invitationView(tx, user, invitation);
    });
  }

  consentByInvitation(user: SessionUser, token: string, version: string): Promise<ConsentRecord> {
    return this.db.transaction(async (tx) => this.consents.record(tx, await this.invitedScope(tx, user, token), version));
  }

  challengeByInvitation(user: SessionUser, token: string): Promise<FaceChallenge> {
    return this.db.retryingTransaction(async (tx) => this.faceChecks.issueChallenge(tx, await this.invitedScope(tx, user, token)), CREATE_IF_ABSENT);
  }

  async submitByInvitation(user: SessionUser, token: string, request: SubmitFaceCheckRequest): Promise<FaceCheckView> {
    return this.faceChecks.submit(await this.db.transaction((tx) => this.invitedScope(tx, user, token)), request);
  }

  /** ID photos and the selfie video of an invited principal go through the normal upload flow, at their path. */
  uploadTicket(user: SessionUser, token: string, request: CreatePrincipalUploadRequest): Promise<UploadTicket> {
    return this.db.transaction(async (tx) => {
      const scope = await this.invitedScope(tx, user, token);
      if (request.kind === 'face_video') await this.consents.require(tx, scope);
      return this.materials.issueTicket(tx, { orderId: scope.orderId, uploaderId: user.id, target: scope.path, ...request });
    });
  }

  /** What the invited person may act on: the invitation's order and path, once this account accepted it. */
  async invitedScope(tx: EntityManager, user: SessionUser, token: string): Promise<CheckScope> {
    const invitation = await this.openInvitation(tx, user, token, true);
    const order = await tx.findOneByOrFail(FilingOrderEntity, { id: invitation.orderId });
    this.access.assertEditable(order);
    return { orderId: invitation.orderId, path: invitation.path, certificateIndex: invitation.certificateIndex, accountId: user.id };
  }

  /** The invitation behind a token, if it is still usable by this account. */
  private async openInvitation(tx: EntityManager, user: SessionUser, token: string, mustBeAccepted: boolean): Promise<PrincipalInvitationEntity> {
    const invitation = await tx.findOneBy(PrincipalInvitationEntity, { tokenHash: hashToken(token) });
    if (!invitation || invitation.revokedAt) throw new AppException('INVITATION_NOT_FOUND');
    if (invitation.expiresAt <= this.clock.now()) throw new AppException('INVITATION_EXPIRED');
    if (invitation.acceptedBy && invitation.acceptedBy !== user.id) throw new AppException('INVITATION_TAKEN');
    if (mustBeAccepted && !invitation.acceptedBy) throw new AppException('INVITATION_NOT_ACCEPTED');
    return invitation;
  }

  private async invitationView(tx: EntityManager, user: SessionUser, invitation: PrincipalInvitationEntity): Promise<InvitationView> {
    const order = await tx.findOneByOrFail(FilingOrderEntity, { id: invitation.orderId });
    const draft = await this.drafts.load(tx, invitation.orderId);
    const samePerson = draftPrincipals(draft).filter((p) => p.certificateNumber && this.cipher.blindIndex(p.certificateNumber) === invitation.certificateIndex);
    const principal = samePerson.find((p) => p.path === invitation.path) ?? samePerson[0] ?? null;
    const scope = { orderId: invitation.orderId, path: invitation.path, certificateIndex: invitation.certificateIndex, accountId: user.id };
    const consent = await this.consents.latest(tx, scope);
    const check = await tx.findOneBy(FaceCheckEntity, { orderId: invitation.orderId, certificateIndex: invitation.certificateIndex });
    const [front, back] = await Promise.all([
      this.materials.latestFile(tx, invitation.orderId, invitation.path, 'certificate_front'),
      this.materials.latestFile(tx, invitation.orderId, invitation.path, 'certificate_back'),
    ]);
    const subjectName = text((draft.subject as Record<string, unknown> | undefined)?.name);
    return {
      invitationId: invitation.id,
      status: this.invitationStatus(invitation),
      expiresAt: invitation.expiresAt.toISOString(),
      acceptedByMe: invitation.acceptedBy === user.id,
      subjectName: order.subjectType === 'personal' ? maskName(subjectName) : subjectName,
      roleLabel: principalRoleLabel(invitation.path),
      path: invitation.path,
      services: servicesOf(draft, samePerson),
      principal: {
        nameMasked: maskName(principal?.name ?? ''),
        certificateNumberMasked: principal ? maskPersonalValue('certificate_number', principal.certificateNumber) : '',
        mobileMasked: principal?.mobile ? maskPersonalValue('mobile', principal.mobile) : null,
      },
      consent: consent ? { version: consent.version, consentedAt: consent.consentedAt.toISOString() } : null,
      consentText: BIOMETRIC_CONSENT_TEXT,
      consentVersion: BIOMETRIC_CONSENT_VERSION,
      idPhotos: { front: Boolean(front), back: Boolean(back), backRequired: (principal?.certificateType ?? 'resident_id') === 'resident_id' },
      mobileVerified: principal?.mobile ? await this.sms.isVerified(tx, invitation.orderId, principal.mobile) : false,
      faceCheck: check?.status ? this.faceChecks.checkView(check) : null,
    };
  }

  private invitationStatus(invitation: PrincipalInvitationEntity): InvitationStatus {
    if (invitation.revokedAt) return 'revoked';
    if (invitation.expiresAt <= this.clock.now()) return 'expired';
    return invitation.acceptedBy ? 'accepted' : 'open';
  }
}
