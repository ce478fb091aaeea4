import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { formatChinaTime, DAY_MS, chinaHourOn, HOUR_MS, WORKFLOW_TIMINGS, lastSixForSms, type SmsVerifyRequest, type SmsVerifyResponse } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { JobScheduler } from '../jobs/job-scheduler';
import { JobRunner } from '../jobs/job.runner';
import { Clock } from '../platform/clock/clock';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { BureauReviewSimulator } from './bureau-review.simulator';
import { RegulatorEventsService } from './regulator-events.service';
import { RegulatorGateway, type RegulatorSubmission } from './regulator-gateway.port';
import { SIM_JOB, currentOrder, type SubmissionRef } from './regulator-sim.submissions';
import { RegulatorSms } from './regulator-sms.port';
import { SmsVerificationEntity } from './sms-verification.entity';
import { smsRecipientsOf } from './sms-recipients.policy';

const SMS_VALIDITY_MS = WORKFLOW_TIMINGS.SMS_VALIDITY.value * HOUR_MS;
const MAX_WRONG = WORKFLOW_TIMINGS.SMS_MAX_WRONG_ATTEMPTS.value;

type ResultPayload = SubmissionRef & { outcome: 'verified' | 'failed' | 'timeout' };

type VerifyOutcome = { ok: true; othersPending: boolean } | { ok: false; error: AppException };

/**
 * The embedded MIIT/管局: MIIT SMS verification (24 h codes, one re-send at noon China time, five wrong codes
 * tolerated, the sixth fails, results after a delay), then the 管局 review (BureauReviewSimulator).
 */
@Injectable()
export class RegulatorSimulator extends RegulatorGateway {
  constructor(
    private readonly db: DatabaseService,
    private readonly runner: JobRunner,
    private readonly jobs: JobScheduler,
    private readonly events: RegulatorEventsService,
    private readonly bureau: BureauReviewSimulator,
    private readonly cipher: FieldCipher,
    private readonly sms: RegulatorSms,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** Registers the simulator's jobs with the runner; called once at start when the simulator is the gateway. */
  registerJobs(): void {
    this.runner.handle<{ verificationId: number }>(SIM_JOB.deliver, (job) => this.deliver(job.payload.verificationId));
    this.runner.handle<SubmissionRef & { resent: boolean }>(SIM_JOB.expiry, (job) => this.db.transaction((tx) => this.expire(tx, job.payload)));
    this.runner.handle<SubmissionRef>(SIM_JOB.resend, (job) => this.db.transaction((tx) => this.resend(tx, job.payload)));
    this.runner.handle<ResultPayload>(SIM_JOB.result, (job) => this.db.transaction((tx) => this.report(tx, job.payload)));
    this.bureau.registerJobs();
  }

  async submit(tx: EntityManager, submission: RegulatorSubmission): Promise<void> {
    const ref = { orderId: submission.orderId, submissionId: submission.submissionId };
    if (submission.enters !== 'sms_verification') {
      await this.bureau.schedule(tx, ref, submission.at);
      return;
    }
    const recipients = smsRecipientsOf(submission.kind, submission.draft, submission.record);
    if (!recipients.length) throw new Error(`order ${submission.orderId} has no principal mobile for the MIIT SMS`);
    const expiresAt = new Date(submission.at.getTime() + SMS_VALIDITY_MS);
    for (const recipient of recipients) {
      const inserted = await tx.insert(SmsVerificationEntity, {
        ...ref,
        mobileIndex: this.cipher.blindIndex(recipient.mobile),
        mobile: this.cipher.encrypt(recipient.mobile),
        roles: recipient.roles,
        certLastSix: this.cipher.encrypt(recipient.certLastSix),
        code: this.cipher.encrypt(newCode()),
        status: 'pending',
        wrongAttempts: 0,
        resent: false,
        sentAt: submission.at,
        expiresAt,
        verifiedAt: null,
        updatedAt: submission.at,
      });
      await this.scheduleDelivery(tx, Number(inserted.identifiers[0]?.id), false);
    }
    await this.jobs.schedule(tx, {
      type: SIM_JOB.expiry,
      payload: { ...ref, resent: false },
      dueAt: expiresAt,
      dedupeKey: `${SIM_JOB.expiry}:${ref.submissionId}:0`,
    });
  }

  /** The submission's pending codes run out now (MIIT answers 已过期); its jobs find the order gone from the state they wait in. */
  async withdraw(tx: EntityManager, submission: SubmissionRef): Promise<void> {
    const now = this.clock.now();
    await tx.update(
      SmsVerificationEntity,
      { orderId: submission.orderId, submissionId: submission.submissionId, status: 'pending' },
      { status: 'expired', expiresAt: now, updatedAt: now },
    );
  }

  /** MIIT's verification form: the code, the mobile and the last six characters of the certificate number. */
  async verify(request: SmsVerifyRequest): Promise<SmsVerifyResponse> {
    const outcome = await this.db.retryingTransaction((tx) => this.checkCode(tx, request));
    if (!outcome.ok) throw outcome.error;
    return { verified: true, othersPending: outcome.othersPending };
  }

  private async checkCode(tx: EntityManager, request: SmsVerifyRequest): Promise<VerifyOutcome> {
    const now = this.clock.now();
    const query = tx
      .createQueryBuilder(SmsVerificationEntity, 'v')
      .where('v.mobileIndex = :index', { index: this.cipher.blindIndex(request.mobile) })
      .orderBy('v.id', 'DESC')
      .limit(5);
    if (!this.db.isSqlite) query.setLock('pessimistic_write');
    const rows = await query.getMany();
    const open = rows.filter((row) => row.status === 'pending' || row.status === 'failed' || row.status === 'expired');
    const row = open.find((r) => r.status === 'pending' && this.cipher.decrypt(r.code) === request.code) ?? open[0];
    const entered = (r: SmsVerificationEntity) =>
      this.cipher.decrypt(r.code) === request.code && lastSixForSms(request.certLastSix).toUpperCase() === this.cipher.decrypt(r.certLastSix).toUpperCase();
    if (
      row?.status !== 'pending' &&
      (await this.resultNotReported(
        tx,
        rows.find((r) => r.status === 'verified' && entered(r)),
      ))
    ) {
      return { ok: false, error: new AppException('SMS_RESULT_NOT_SYNCED') };
    }
    if (!row) return { ok: false, error: new AppException('SMS_VERIFICATION_NOT_FOUND') };
    if (row.status === 'failed') return { ok: false, error: new AppException('SMS_VERIFICATION_FAILED') };
    if (row.status === 'expired' || row.expiresAt <= now) return { ok: false, error: new AppException('SMS_CODE_EXPIRED') };
    const ref = { orderId: row.orderId, submissionId: row.submissionId };
    const right = entered(row);
    if (right) {
      await tx.update(SmsVerificationEntity, { id: row.id }, { status: 'verified', verifiedAt: now, updatedAt: now });
      const others = await tx.find(SmsVerificationEntity, { select: { id: true, status: true }, where: ref });
      const othersPending = !others.every((r) => r.id === row.id || r.status === 'verified');
      if (!othersPending) await this.scheduleResult(tx, { ...ref, outcome: 'verified' });
      return { ok: true, othersPending };
    }
    const wrong = row.wrongAttempts + 1;
    const failed = wrong > MAX_WRONG;
    await tx.update(SmsVerificationEntity, { id: row.id }, { wrongAttempts: wrong, updatedAt: now, ...(failed ? { status: 'failed' as const } : {}) });
    if (failed) {
      await this.scheduleResult(tx, { ...ref, outcome: 'failed' });
      return { ok: false, error: new AppException('SMS_VERIFICATION_FAILED') };
    }
    return { ok: false, error: new AppException('SMS_CODE_WRONG', undefined, { triesLeft: MAX_WRONG - wrong }) };
  }

  /**
   * A verification entered again while its result is still on the way to the provider (S001 89–91): the order still waits at
   * the SMS check, and MIIT answers that the entry is wrong or the result not yet synced.
   */
  private async resultNotReported(tx: EntityManager, verified: SmsVerificationEntity | undefined): Promise<boolean> {
    return verified !== undefined && (await currentOrder(tx, this.events, verified, 'sms_verification')) !== null;
  }

  private async deliver(verificationId: number): Promise<void> {
    const row = await this.db.manager.findOne(SmsVerificationEntity, { where: { id: verificationId } });
    if (!row || row.status !== 'pending') return;
    const code = this.cipher.decrypt(row.code);
    await this.sms.send(
      this.cipher.decrypt(row.mobile),
      `【工信部】您的ICP备案短信核验验证码为 ${code}，请于 ${formatChinaTime(row.expiresAt)} 前登录 https://beian.miit.gov.cn 填写验证码、手机号码和证件号码后六位完成核验。`,
    );
  }

  /** A code ran out: the first time MIIT re-sends at the next noon (China time); after the re-send the order goes back. */
  private async expire(tx: EntityManager, job: SubmissionRef & { resent: boolean }): Promise<void> {
    if (!(await currentOrder(tx, this.events, job, 'sms_verification'))) return;
    const now = this.clock.now();
    const rows = await tx.find(SmsVerificationEntity, { where: { orderId: job.orderId, submissionId: job.submissionId } });
    const lapsed = rows.filter((r) => r.status === 'pending' && r.resent === job.resent && r.expiresAt <= now);
    if (!lapsed.length) return;
    for (const row of lapsed) await tx.update(SmsVerificationEntity, { id: row.id }, { status: 'expired', updatedAt: now });
    if (job.resent) {
      await this.scheduleResult(tx, { orderId: job.orderId, submissionId: job.submissionId, outcome: 'timeout' });
      return;
    }
    const noon = chinaHourOn(now, WORKFLOW_TIMINGS.SMS_RESEND_HOUR_NEXT_DAY.value);
    const dueAt = noon > now ? noon : new Date(noon.getTime() + DAY_MS);
    await this.jobs.schedule(tx, {
      type: SIM_JOB.resend,
      payload: { orderId: job.orderId, submissionId: job.submissionId },
      dueAt,
      dedupeKey: `${SIM_JOB.resend}:${job.submissionId}`,
    });
  }

  private async resend(tx: EntityManager, job: SubmissionRef): Promise<void> {
    const order = await currentOrder(tx, this.events, job, 'sms_verification');
    if (!order) return;
    const rows = await tx.find(SmsVerificationEntity, { where: { orderId: job.orderId, submissionId: job.submissionId, status: 'expired', resent: false } });
    if (!rows.length) return;
    await this.events.smsResent(tx, order, job.submissionId);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SMS_VALIDITY_MS);
    for (const row of rows) {
      await tx.update(
        SmsVerificationEntity,
        { id: row.id },
        { code: this.cipher.encrypt(newCode()), status: 'pending', resent: true, sentAt: now, expiresAt, updatedAt: now },
      );
      await this.scheduleDelivery(tx, row.id, true);
    }
    await this.jobs.schedule(tx, {
      type: SIM_JOB.expiry,
      payload: { ...job, resent: true },
      dueAt: expiresAt,
      dedupeKey: `${SIM_JOB.expiry}:${job.submissionId}:1`,
    });
  }

  /** MIIT's result reaches the provider some time after the person acted (or the time ran out). */
  private async report(tx: EntityManager, job: ResultPayload): Promise<void> {
    const order = await currentOrder(tx, this.events, job, 'sms_verification');
    if (!order) return;
    if (job.outcome === 'verified') {
      await this.events.smsVerified(tx, order, job.submissionId);
      await this.bureau.schedule(tx, job, this.clock.now());
    } else if (job.outcome === 'failed') {
      await this.events.smsFailed(tx, order, job.submissionId);
    } else {
      await this.events.smsTimedOut(tx, order, job.submissionId);
    }
  }

  private async scheduleDelivery(tx: EntityManager, verificationId: number, resent: boolean): Promise<void> {
    await this.jobs.schedule(tx, {
      type: SIM_JOB.deliver,
      payload: { verificationId },
      dueAt: this.clock.now(),
      dedupeKey: `${SIM_JOB.deliver}:${verificationId}:${resent ? 1 : 0}`,
    });
  }

  private async scheduleResult(tx: EntityManager, result: ResultPayload): Promise<void> {
    const dueAt = new Date(this.clock.now().getTime() + this.config.regulatorSim.resultDelayMs);
    await this.jobs.schedule(tx, { type: SIM_JOB.result, payload: { ...result }, dueAt, dedupeKey: `${SIM_JOB.result}:${result.submissionId}` });
  }
}

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
