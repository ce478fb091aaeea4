import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  BIOMETRIC_CONSENT_TEXT,
  BIOMETRIC_CONSENT_VERSION,
  FACE_CHALLENGE_MINUTES,
  INVITATION_HOURS,
  isEditableByApplicant,
  uploadFieldPath,
  type ConsentRecord,
  type CreatePrincipalUploadRequest,
  type FaceChallenge,
  type FaceCheckStatus,
  type FaceCheckView,
  type FieldError,
  type Invitation,
  type InvitationStatus,
  type InvitationView,
  type MaterialFile,
  type PrincipalStatus,
  type SessionUser,
  type SubmitFaceCheckRequest,
  type UploadTicket,
} from '@beian/shared';
import { In, IsNull, type EntityManager } from 'typeorm';
import { WechatApiError } from '../auth/wechat-gateway.port';
import { MaterialsService } from '../materials/materials.service';
import { FilingOrderEntity } from '../orders/filing-order.entity';
import { OrderDraftStore } from '../orders/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { CREATE_IF_ABSENT, DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { BiometricConsentEntity } from './biometric-consent.entity';
import { draftPrincipals, principalAtPath, principalRoleLabel, type DraftPrincipalAt } from './draft-principals';
import { FaceCheckEntity } from './face-check.entity';
import { FaceVerifier } from './face-verifier.port';
import { MiniProgramCodes } from './mini-program-code.port';
import { PrincipalInvitationEntity } from './principal-invitation.entity';

/** Who acts on a principal's face check: the invited person through their token, or the owner for the subject principal. */
interface CheckScope {
  orderId: string;
  path: string;
  certificateIndex: string;
  accountId: string;
}

/** Statuses with which the order may be submitted: a reviewer confirms the embedded default's checks later. */
const DONE: readonly FaceCheckStatus[] = ['passed', 'pending_reviewer_confirmation'];

/** The invited principal's page in the mini-program and the H5 build (the wxacode `page`, without a leading `/`). */
const INVITE_PAGE = 'principal/pages/invite/index';
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const maskName = (name: string) => (name ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : '');
const text = (value: unknown) => (typeof value === 'string' ? value : '');

@Injectable()
export class PrincipalsService {
  private readonly logger = new Logger('FaceChecks');

  constructor(
    private readonly db: DatabaseService,
    private readonly drafts: OrderDraftStore,
    private readonly materials: MaterialsService,
    private readonly verifier: FaceVerifier,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly codes: MiniProgramCodes,
  ) {}

  /** The distinct persons of the draft with their face check and latest invitation. */
  list(user: SessionUser, orderId: string): Promise<PrincipalStatus[]> {
    return this.db.transaction(async (tx) => {
      await this.ownedOrder(tx, user.id, orderId);
      const draft = await this.drafts.load(tx, orderId);
      const persons = this.persons(draftPrincipals(draft));
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
          certificateNumberMasked: maskPersonalValue('certificateNumber', first.certificateNumber),
          faceCheck: check?.status ? this.checkView(check) : null,
          invitation: invitation ? { invitationId: invitation.id, status: this.invitationStatus(invitation), expiresAt: invitation.expiresAt.toISOString() } : null,
        };
      });
    });
  }

  invite(user: SessionUser, orderId: string, path: string): Promise<Invitation> {
    return this.db.retryingTransaction(async (tx) => {
      await this.editableOrder(tx, user.id, orderId);
      const principal = principalAtPath(await this.drafts.load(tx, orderId), path);
      if (!principal?.certificateNumber || !principal.name) {
        throw AppException.validation([{ path: `${path}.certificateNumber`, code: 'PRINCIPAL_INCOMPLETE', message: '请先填写该负责人的姓名和证件号码，再发送邀请' }]);
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
      return {
        invitationId: invitation.id,
        token,
        expiresAt: invitation.expiresAt.toISOString(),
        scene: token,
        link: `/${INVITE_PAGE}?token=${token}`,
        path,
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
    await this.ownedOrder(this.db.manager, user.id, invitation.orderId);
    if (invitation.revokedAt) throw new AppException('INVITATION_NOT_FOUND');
    if (invitation.expiresAt <= this.clock.now()) throw new AppException('INVITATION_EXPIRED');
    const token = this.invitationToken(invitation.id);
    try {
      return await this.codes.invitationCode({ page: INVITE_PAGE, scene: token, h5Url: `${origin}/#/${INVITE_PAGE}?token=${token}` });
    } catch (error) {
      if (error instanceof WechatApiError) throw new AppException('WXACODE_UNAVAILABLE', undefined, { errcode: error.errcode });
      throw error;
    }
  }

  private invitationToken(invitationId: string): string {
    return Buffer.from(this.cipher.blindIndex(`invitation:${invitationId}`), 'hex').subarray(0, 24).toString('base64url');
  }

  revoke(user: SessionUser, orderId: string, invitationId: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      await this.ownedOrder(tx, user.id, orderId);
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
      }
      return this.invitationView(tx, user, invitation);
    });
  }

  consentByInvitation(user: SessionUser, token: string, version: string): Promise<ConsentRecord> {
    return this.db.transaction(async (tx) => this.recordConsent(tx, await this.invitedScope(tx, user, token), version));
  }

  consentAsOwner(user: SessionUser, orderId: string, path: string, version: string): Promise<ConsentRecord> {
    return this.db.transaction(async (tx) => this.recordConsent(tx, await this.ownerScope(tx, user, orderId, path), version));
  }

  challengeByInvitation(user: SessionUser, token: string): Promise<FaceChallenge> {
    return this.db.retryingTransaction(async (tx) => this.issueChallenge(tx, await this.invitedScope(tx, user, token)), CREATE_IF_ABSENT);
  }

  challengeAsOwner(user: SessionUser, orderId: string, path: string): Promise<FaceChallenge> {
    return this.db.retryingTransaction(async (tx) => this.issueChallenge(tx, await this.ownerScope(tx, user, orderId, path)), CREATE_IF_ABSENT);
  }

  async submitByInvitation(user: SessionUser, token: string, request: SubmitFaceCheckRequest): Promise<FaceCheckView> {
    return this.submit(await this.db.transaction((tx) => this.invitedScope(tx, user, token)), request);
  }

  async submitAsOwner(user: SessionUser, orderId: string, path: string, request: SubmitFaceCheckRequest): Promise<FaceCheckView> {
    return this.submit(await this.db.transaction((tx) => this.ownerScope(tx, user, orderId, path)), request);
  }

  /** ID photos and the selfie video of an invited principal go through the normal upload flow, at their path. */
  uploadTicket(user: SessionUser, token: string, request: CreatePrincipalUploadRequest): Promise<UploadTicket> {
    return this.db.transaction(async (tx) => {
      const scope = await this.invitedScope(tx, user, token);
      if (request.kind === 'face_video') await this.requireConsent(tx, scope);
      return this.materials.issueTicket(tx, { orderId: scope.orderId, uploaderId: user.id, target: scope.path, ...request });
    });
  }

  /** Submission check: every distinct principal (by certificate number) has a face check done. */
  async faceCheckFindings(tx: EntityManager, orderId: string, draft: Record<string, unknown>): Promise<FieldError[]> {
    const persons = this.persons(draftPrincipals(draft));
    if (!persons.size) return [];
    const checks = await tx.find(FaceCheckEntity, { select: { certificateIndex: true, status: true }, where: { orderId, certificateIndex: In([...persons.keys()]) } });
    const done = new Set(checks.filter((c) => c.status && DONE.includes(c.status)).map((c) => c.certificateIndex));
    return [...persons.entries()]
      .filter(([index]) => !done.has(index))
      .map(([, at]) => ({
        path: at[0]!.path,
        code: 'FACE_CHECK_REQUIRED',
        message: `请${principalRoleLabel(at[0]!.path)}完成人脸视频核验（本人在此手机操作，或发送邀请由负责人在自己的手机上完成）`,
      }));
  }

  /** A reviewer's verdict on a check the embedded default left for confirmation. */
  confirmByReviewer(reviewerId: string, faceCheckId: string, ok: boolean, reason: string | null): Promise<FaceCheckView> {
    return this.db.transaction(async (tx) => {
      const check = await tx.findOneBy(FaceCheckEntity, { id: faceCheckId });
      if (!check) throw new AppException('FACE_CHECK_NOT_FOUND');
      if (check.status !== 'pending_reviewer_confirmation') throw new AppException('TRANSITION_NOT_ALLOWED');
      if (!ok && !reason?.trim()) throw AppException.validation([{ path: 'reason', code: 'REQUIRED', message: '请填写不通过的原因，告诉负责人如何重新录制' }]);
      const now = this.clock.now();
      const change = { status: (ok ? 'passed' : 'rejected') as FaceCheckStatus, reason: ok ? null : reason!.trim(), reviewerId, reviewedAt: now, updatedAt: now };
      await tx.update(FaceCheckEntity, { id: check.id, status: 'pending_reviewer_confirmation' }, change);
      return this.checkView({ ...check, ...change });
    });
  }

  /** The recorded video and the ID photo of a check, as short-lived links, for a reviewer (the caller audits the access). */
  async faceCheckMedia(faceCheckId: string): Promise<{ check: FaceCheckView; video: MaterialFile | null; idPhoto: MaterialFile | null }> {
    return this.db.transaction(async (tx) => {
      const check = await tx.findOneBy(FaceCheckEntity, { id: faceCheckId });
      if (!check) throw new AppException('FACE_CHECK_NOT_FOUND');
      const video = check.videoFileId ? await this.materials.confirmedFile(tx, check.orderId, check.videoFileId) : null;
      const photo = check.photoFileId ? await this.materials.confirmedFile(tx, check.orderId, check.photoFileId) : null;
      return { check: this.checkView(check), video: video && this.materials.view(video.upload), idPhoto: photo && this.materials.view(photo.upload) };
    });
  }

  private async submit(scope: CheckScope, request: SubmitFaceCheckRequest): Promise<FaceCheckView> {
    const prepared = await this.db.transaction(async (tx) => {
      await this.requireConsent(tx, scope);
      const check = await tx.findOneBy(FaceCheckEntity, { orderId: scope.orderId, certificateIndex: scope.certificateIndex });
      const now = this.clock.now();
      if (check?.status && (DONE.includes(check.status) || check.status === 'pending')) throw new AppException('FACE_CHECK_DONE');
      if (!check?.challengeDigits || check.challengeId !== request.challengeId || !check.challengeExpiresAt || check.challengeExpiresAt <= now) {
        throw AppException.validation([{ path: 'challengeId', code: 'FACE_CHALLENGE_EXPIRED', message: '朗读数字已失效，请重新获取数字后再录制视频' }]);
      }
      const video = await this.materials.confirmedFile(tx, scope.orderId, request.videoFileId);
      if (!video || video.upload.kind !== 'face_video' || video.upload.target !== scope.path || video.upload.uploaderId !== scope.accountId) {
        throw AppException.validation([{ path: 'videoFileId', code: 'VIDEO_REQUIRED', message: '请先录制并上传人脸视频' }]);
      }
      const photo = await this.idPhoto(tx, scope);
      if (!photo) {
        throw AppException.validation([{ path: uploadFieldPath(scope.path, 'certificate_front'), code: 'ID_PHOTO_REQUIRED', message: '请先上传负责人证件照片（人像面）' }]);
      }
      const digits = this.cipher.decrypt(check.challengeDigits);
      // The digits are single-use: a second submission needs a new challenge.
      await tx.update(FaceCheckEntity, { id: check.id }, {
        status: 'pending',
        challengeId: null,
        challengeDigits: null,
        challengeExpiresAt: null,
        videoFileId: video.upload.id,
        photoFileId: photo.upload.id,
        performedBy: scope.accountId,
        path: scope.path,
        reason: null,
        updatedAt: now,
      });
      return { check, digits, video: video.bytes, idPhoto: photo.bytes };
    });
    let result;
    try {
      result = await this.verifier.verify({ video: prepared.video, digits: prepared.digits, idPhoto: prepared.idPhoto });
    } catch (error) {
      this.logger.warn(`face verifier unavailable: ${error instanceof Error ? error.message : String(error)}`);
      await this.db.manager.update(FaceCheckEntity, { id: prepared.check.id, status: 'pending' }, { status: null, updatedAt: this.clock.now() });
      throw new AppException('FACE_VERIFIER_UNAVAILABLE');
    }
    const status: FaceCheckStatus = result.outcome === 'needs_review' ? 'pending_reviewer_confirmation' : result.outcome;
    const change = { status, reason: result.reason, verifierRef: result.reference, score: result.score, updatedAt: this.clock.now() };
    await this.db.transaction((tx) => tx.update(FaceCheckEntity, { id: prepared.check.id }, change));
    return this.checkView({ ...prepared.check, ...change });
  }

  private async issueChallenge(tx: EntityManager, scope: CheckScope): Promise<FaceChallenge> {
    await this.requireConsent(tx, scope);
    const now = this.clock.now();
    const existing = await tx.findOneBy(FaceCheckEntity, { orderId: scope.orderId, certificateIndex: scope.certificateIndex });
    if (existing?.status && (DONE.includes(existing.status) || existing.status === 'pending')) throw new AppException('FACE_CHECK_DONE');
    // Four digits: the length FaceID's digit (LIP) mode expects.
    const digits = Array.from({ length: 4 }, () => randomInt(0, 10)).join('');
    const challenge = { challengeId: randomUUID(), challengeDigits: this.cipher.encrypt(digits), challengeExpiresAt: new Date(now.getTime() + FACE_CHALLENGE_MINUTES * 60_000) };
    if (existing) {
      await tx.update(FaceCheckEntity, { id: existing.id }, { ...challenge, updatedAt: now });
    } else {
      await tx.insert(FaceCheckEntity, {
        id: randomUUID(),
        orderId: scope.orderId,
        certificateIndex: scope.certificateIndex,
        path: scope.path,
        status: null,
        ...challenge,
        videoFileId: null,
        photoFileId: null,
        performedBy: null,
        reason: null,
        verifierRef: null,
        score: null,
        reviewerId: null,
        reviewedAt: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    return { challengeId: challenge.challengeId, digits, expiresAt: challenge.challengeExpiresAt.toISOString() };
  }

  private async recordConsent(tx: EntityManager, scope: CheckScope, version: string): Promise<ConsentRecord> {
    if (version !== BIOMETRIC_CONSENT_VERSION) {
      throw AppException.validation([{ path: 'version', code: 'CONSENT_OUTDATED', message: '授权内容已更新，请刷新页面后重新阅读并同意' }]);
    }
    const consentedAt = this.clock.now();
    await tx.insert(BiometricConsentEntity, { id: randomUUID(), orderId: scope.orderId, certificateIndex: scope.certificateIndex, accountId: scope.accountId, version, consentedAt });
    return { version, consentedAt: consentedAt.toISOString() };
  }

  private async requireConsent(tx: EntityManager, scope: CheckScope): Promise<void> {
    const consent = await this.latestConsent(tx, scope);
    if (!consent) throw new AppException('CONSENT_REQUIRED', [{ path: 'consent', code: 'CONSENT_REQUIRED', message: '请先阅读并同意人脸信息处理授权' }]);
  }

  private latestConsent(tx: EntityManager, scope: CheckScope): Promise<BiometricConsentEntity | null> {
    return tx.findOne(BiometricConsentEntity, {
      where: { orderId: scope.orderId, certificateIndex: scope.certificateIndex, accountId: scope.accountId, version: BIOMETRIC_CONSENT_VERSION },
      order: { consentedAt: 'DESC' },
    });
  }

  /** The newest portrait-side photo at the scope's path, else at another path of the same person. */
  private async idPhoto(tx: EntityManager, scope: CheckScope) {
    const draft = await this.drafts.load(tx, scope.orderId);
    const paths = [scope.path, ...draftPrincipals(draft).filter((p) => p.certificateNumber && this.cipher.blindIndex(p.certificateNumber) === scope.certificateIndex).map((p) => p.path)];
    for (const path of new Set(paths)) {
      const file = await this.materials.latestFile(tx, scope.orderId, path, 'certificate_front');
      const found = file && (await this.materials.confirmedFile(tx, scope.orderId, file.id));
      if (found) return found;
    }
    return null;
  }

  private async ownerScope(tx: EntityManager, user: SessionUser, orderId: string, path: string): Promise<CheckScope> {
    await this.editableOrder(tx, user.id, orderId);
    // On their own phone the account owner checks themself: the subject principal.
    if (path !== 'subjectPrincipal') throw new AppException('NOT_FOUND');
    const principal = principalAtPath(await this.drafts.load(tx, orderId), path);
    if (!principal?.certificateNumber) {
      throw AppException.validation([{ path: `${path}.certificateNumber`, code: 'PRINCIPAL_INCOMPLETE', message: '请先填写负责人的姓名和证件号码' }]);
    }
    return { orderId, path, certificateIndex: this.cipher.blindIndex(principal.certificateNumber), accountId: user.id };
  }

  private async invitedScope(tx: EntityManager, user: SessionUser, token: string): Promise<CheckScope> {
    const invitation = await this.openInvitation(tx, user, token, true);
    const order = await tx.findOneByOrFail(FilingOrderEntity, { id: invitation.orderId });
    if (!isEditableByApplicant(order.status)) throw new AppException('ORDER_NOT_EDITABLE');
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
    const consent = await this.latestConsent(tx, scope);
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
      services: this.servicesOf(draft, samePerson),
      principal: {
        nameMasked: maskName(principal?.name ?? ''),
        certificateNumberMasked: principal ? maskPersonalValue('certificateNumber', principal.certificateNumber) : '',
        mobileMasked: principal?.mobile ? maskPersonalValue('mobile', principal.mobile) : null,
      },
      consent: consent ? { version: consent.version, consentedAt: consent.consentedAt.toISOString() } : null,
      consentText: BIOMETRIC_CONSENT_TEXT,
      consentVersion: BIOMETRIC_CONSENT_VERSION,
      idPhotos: { front: Boolean(front), back: Boolean(back), backRequired: (principal?.certificateType ?? 'resident_id') === 'resident_id' },
      faceCheck: check?.status ? this.checkView(check) : null,
    };
  }

  private servicesOf(draft: Record<string, unknown>, at: DraftPrincipalAt[]): InvitationView['services'] {
    return at.flatMap((p) => {
      const match = /^(websites|apps)\.(\d+)\.principal$/.exec(p.path);
      const list = match && draft[match[1]!];
      const service = Array.isArray(list) ? (list[Number(match![2])] as Record<string, unknown> | undefined) : undefined;
      if (!match || !service) return [];
      const domains = Array.isArray(service.domains) ? service.domains.filter((d): d is string => typeof d === 'string') : [];
      return [{ type: match[1] === 'websites' ? ('website' as const) : ('app' as const), name: text(service.name), domains }];
    });
  }

  /** Draft principals grouped by person (certificate number), in form order. */
  private persons(principals: DraftPrincipalAt[]): Map<string, DraftPrincipalAt[]> {
    const persons = new Map<string, DraftPrincipalAt[]>();
    for (const p of principals) {
      if (!p.certificateNumber) continue;
      const index = this.cipher.blindIndex(p.certificateNumber);
      persons.set(index, [...(persons.get(index) ?? []), p]);
    }
    return persons;
  }

  private invitationStatus(invitation: PrincipalInvitationEntity): InvitationStatus {
    if (invitation.revokedAt) return 'revoked';
    if (invitation.expiresAt <= this.clock.now()) return 'expired';
    return invitation.acceptedBy ? 'accepted' : 'open';
  }

  private checkView(check: Pick<FaceCheckEntity, 'id' | 'status' | 'reason' | 'updatedAt'>): FaceCheckView {
    return { faceCheckId: check.id, status: check.status ?? 'pending', reason: check.reason, updatedAt: check.updatedAt.toISOString() };
  }

  private async ownedOrder(tx: EntityManager, userId: string, orderId: string): Promise<FilingOrderEntity> {
    return this.materials.ownedOrder(tx, userId, orderId);
  }

  private async editableOrder(tx: EntityManager, userId: string, orderId: string): Promise<FilingOrderEntity> {
    const order = await this.ownedOrder(tx, userId, orderId);
    if (!isEditableByApplicant(order.status)) throw new AppException('ORDER_NOT_EDITABLE');
    return order;
  }
}
