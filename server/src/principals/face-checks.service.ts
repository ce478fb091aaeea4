import { Injectable, Logger } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import {
  FACE_CHALLENGE_MINUTES,
  PROGRESS_MESSAGES,
  uploadFieldPath,
  type ConsentRecord,
  type FaceChallenge,
  type FaceCheckStatus,
  type FaceCheckView,
  type FieldError,
  type MaterialFile,
  type SessionUser,
  type SubmitFaceCheckRequest,
} from '@beian/shared';
import { In, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { RecordDrafts } from '../filing-record/record-draft';
import { MaterialsService } from '../materials/materials.service';
import { MessageRequests } from '../notifications/message-requests';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { CREATE_IF_ABSENT, DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { BiometricConsents, type CheckScope } from './biometric-consents';
import { draftPrincipals, principalAtPath, principalRoleLabel } from '../order-core/draft-principals';
import { FaceCheckEntity } from './face-check.entity';
import { FaceVerifier } from './face-verifier.port';
import { personsOf } from './principal-persons';

/** Statuses with which the order may be submitted: a reviewer confirms the embedded default's checks later. */
export const DONE: readonly FaceCheckStatus[] = ['passed', 'pending_reviewer_confirmation'];

/** The face-video check of a principal: consent, challenge, video and verdict, whoever acts (owner or invited person). */
@Injectable()
export class FaceChecksService {
  private readonly logger = new Logger('FaceChecks');

  constructor(
    private readonly db: DatabaseService,
    private readonly drafts: OrderDraftStore,
    private readonly access: OrderAccess,
    private readonly materials: MaterialsService,
    private readonly verifier: FaceVerifier,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly messages: MessageRequests,
    private readonly consents: BiometricConsents,
    private readonly audit: AuditLogService,
    private readonly recordDrafts: RecordDrafts,
  ) {}

  consentAsOwner(user: SessionUser, orderId: string, path: string, version: string): Promise<ConsentRecord> {
    return this.db.transaction(async (tx) => this.consents.record(tx, await this.ownerScope(tx, user, orderId, path), version));
  }

  challengeAsOwner(user: SessionUser, orderId: string, path: string): Promise<FaceChallenge> {
    return this.db.retryingTransaction(async (tx) => this.issueChallenge(tx, await this.ownerScope(tx, user, orderId, path)), CREATE_IF_ABSENT);
  }

  async submitAsOwner(user: SessionUser, orderId: string, path: string, request: SubmitFaceCheckRequest): Promise<FaceCheckView> {
    return this.submit(await this.db.transaction((tx) => this.ownerScope(tx, user, orderId, path)), request);
  }

  /** Submission check: every distinct principal (by certificate number) has a face check done. */
  async faceCheckFindings(tx: EntityManager, orderId: string, draft: Record<string, unknown>): Promise<FieldError[]> {
    // 变更: only people the record does not name yet need a face check (S003 3293).
    const recorded = await this.recordDrafts.recordedPeople(tx, orderId);
    const persons = personsOf(
      draftPrincipals(draft).filter((p) => !recorded.has(p.certificateNumber)),
      this.cipher,
    );
    if (!persons.size) return [];
    const checks = await tx.find(FaceCheckEntity, {
      select: { certificateIndex: true, status: true },
      where: { orderId, certificateIndex: In([...persons.keys()]) },
    });
    const done = new Set(checks.filter((c) => c.status && DONE.includes(c.status)).map((c) => c.certificateIndex));
    return [...persons.entries()]
      .filter(([index]) => !done.has(index))
      .map(([, at]) => ({
        path: at[0]!.path,
        code: 'FACE_CHECK_REQUIRED',
        message: `请${principalRoleLabel(at[0]!.path)}完成人脸视频核验（本人在此手机操作，或发送邀请由负责人在自己的手机上完成）`,
      }));
  }

  /** A reviewer's verdict on a check the embedded default left for confirmation (audited with the reason). */
  confirmByReviewer(reviewerId: string, faceCheckId: string, ok: boolean, reason: string | null): Promise<FaceCheckView> {
    return this.db.transaction(async (tx) => {
      const check = await tx.findOneBy(FaceCheckEntity, { id: faceCheckId });
      if (!check) throw new AppException('FACE_CHECK_NOT_FOUND');
      if (check.status !== 'pending_reviewer_confirmation') throw new AppException('TRANSITION_NOT_ALLOWED');
      if (!ok && !reason?.trim()) throw AppException.validation([{ path: 'reason', code: 'REQUIRED', message: '请填写不通过的原因，告诉负责人如何重新录制' }]);
      const now = this.clock.now();
      const change = {
        status: (ok ? 'passed' : 'rejected') as FaceCheckStatus,
        reason: ok ? null : reason!.trim(),
        reviewerId,
        reviewedAt: now,
        updatedAt: now,
      };
      await tx.update(FaceCheckEntity, { id: check.id, status: 'pending_reviewer_confirmation' }, change);
      const action = ok ? 'face_check.confirmed' : 'face_check.rejected';
      await this.audit.record(tx, {
        actorId: reviewerId,
        action,
        orderId: check.orderId,
        target: `face_check:${check.id}`,
        reason: change.reason ?? '确认为本人',
      });
      if (!ok && check.performedBy)
        await this.faceCheckWaiting(tx, check.performedBy, check.orderId, check.path, `face_check_waiting:${check.id}:${now.getTime()}`, now);
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

  async submit(scope: CheckScope, request: SubmitFaceCheckRequest): Promise<FaceCheckView> {
    const prepared = await this.db.transaction(async (tx) => {
      await this.consents.require(tx, scope);
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
        throw AppException.validation([
          { path: uploadFieldPath(scope.path, 'certificate_front'), code: 'ID_PHOTO_REQUIRED', message: '请先上传负责人证件照片（人像面）' },
        ]);
      }
      const digits = this.cipher.decrypt(check.challengeDigits);
      // The digits are single-use: a second submission needs a new challenge.
      await tx.update(
        FaceCheckEntity,
        { id: check.id },
        {
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
        },
      );
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
    await this.db.transaction(async (tx) => {
      await tx.update(FaceCheckEntity, { id: prepared.check.id }, change);
      if (DONE.includes(status)) await this.faceCheckDone(tx, scope, `face_check_done:${prepared.check.id}:${change.updatedAt.getTime()}`);
    });
    return this.checkView({ ...prepared.check, ...change });
  }

  /** face_check_waiting: the principal's video check is needed (after accepting an invitation, or again after a reviewer's rejection). */
  async faceCheckWaiting(tx: EntityManager, userId: string, orderId: string, path: string, dedupeKey: string, now: Date): Promise<void> {
    const role = principalRoleLabel(path);
    const message = {
      userId,
      orderId,
      type: 'face_check_waiting',
      title: PROGRESS_MESSAGES.face_check_waiting.title,
      body: `请${role}在小程序中阅读授权、上传证件照片并录制人脸视频，完成后申请人才能提交备案。`,
      status: '待核验',
    };
    await this.messages.request(tx, message, dedupeKey, now);
  }

  /** face_check_done: the applicant waited for an invited principal, whose check is now done. */
  private async faceCheckDone(tx: EntityManager, scope: CheckScope, dedupeKey: string): Promise<void> {
    const order = await tx.findOneByOrFail(FilingOrderEntity, { id: scope.orderId });
    if (order.ownerId === scope.accountId) return;
    const message = {
      userId: order.ownerId,
      orderId: order.id,
      type: 'face_check_done',
      title: PROGRESS_MESSAGES.face_check_done.title,
      body: `${principalRoleLabel(scope.path)}已完成人脸视频核验。`,
      status: '已完成',
    };
    await this.messages.request(tx, message, dedupeKey, this.clock.now());
  }

  async issueChallenge(tx: EntityManager, scope: CheckScope): Promise<FaceChallenge> {
    await this.consents.require(tx, scope);
    const now = this.clock.now();
    const existing = await tx.findOneBy(FaceCheckEntity, { orderId: scope.orderId, certificateIndex: scope.certificateIndex });
    if (existing?.status && (DONE.includes(existing.status) || existing.status === 'pending')) throw new AppException('FACE_CHECK_DONE');
    // Four digits: the length FaceID's digit (LIP) mode expects.
    const digits = Array.from({ length: 4 }, () => randomInt(0, 10)).join('');
    const challenge = {
      challengeId: randomUUID(),
      challengeDigits: this.cipher.encrypt(digits),
      challengeExpiresAt: new Date(now.getTime() + FACE_CHALLENGE_MINUTES * 60_000),
    };
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

  /** The newest portrait-side photo at the scope's path, else at another path of the same person. */
  private async idPhoto(tx: EntityManager, scope: CheckScope) {
    const draft = await this.drafts.load(tx, scope.orderId);
    const paths = [
      scope.path,
      ...draftPrincipals(draft)
        .filter((p) => p.certificateNumber && this.cipher.blindIndex(p.certificateNumber) === scope.certificateIndex)
        .map((p) => p.path),
    ];
    for (const path of new Set(paths)) {
      const file = await this.materials.latestFile(tx, scope.orderId, path, 'certificate_front');
      const found = file && (await this.materials.confirmedFile(tx, scope.orderId, file.id));
      if (found) return found;
    }
    return null;
  }

  private async ownerScope(tx: EntityManager, user: SessionUser, orderId: string, path: string): Promise<CheckScope> {
    await this.access.editable(tx, user, orderId);
    // On their own phone the account owner checks themself: the subject principal.
    if (path !== 'subjectPrincipal') throw new AppException('NOT_FOUND');
    const principal = principalAtPath(await this.drafts.load(tx, orderId), path);
    if (!principal?.certificateNumber) {
      throw AppException.validation([{ path: `${path}.certificateNumber`, code: 'PRINCIPAL_INCOMPLETE', message: '请先填写负责人的姓名和证件号码' }]);
    }
    return { orderId, path, certificateIndex: this.cipher.blindIndex(principal.certificateNumber), accountId: user.id };
  }

  checkView(check: Pick<FaceCheckEntity, 'id' | 'status' | 'reason' | 'updatedAt'>): FaceCheckView {
    return { faceCheckId: check.id, status: check.status ?? 'pending', reason: check.reason, updatedAt: check.updatedAt.toISOString() };
  }
}
