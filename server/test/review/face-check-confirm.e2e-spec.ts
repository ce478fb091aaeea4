import type { ReviewOrderDetail } from '@beian/shared';
import { AuditLogEntity } from '../../src/audit/audit-log.entity';
import { devLogin, useTestApp } from '../support/test-app';
import { freshMobile } from '../support/filing-flow';
import { workflow, type Client } from '../regulator/workflow.support';

describe('初审 face videos: the reviewer confirms or rejects each one before approving', () => {
  const t = useTestApp();
  const w = workflow(t);
  let reviewer: Client;
  let reviewerId: string;

  beforeAll(async () => {
    const login = await devLogin(t.url, '审核员-face');
    reviewer = login.client;
    reviewerId = login.user.id;
  });

  const faceChecks = async (orderId: string) => ((await reviewer.get(`/api/review/orders/${orderId}`)).body as ReviewOrderDetail).faceChecks;
  const confirm = (client: Client, faceCheckId: string, body: unknown) => client.post(`/api/review/face-checks/${faceCheckId}/confirm`, body);

  it('should refuse approval while the face video waits for a reviewer and allow it once confirmed (audited)', async () => {
    const { orderId } = await w.submitted(freshMobile(), false);
    const [check] = await faceChecks(orderId);
    expect(check).toMatchObject({ path: 'subjectPrincipal', status: 'pending_reviewer_confirmation', faceCheckId: expect.any(String) });

    const early = await reviewer.post(`/api/review/orders/${orderId}/approve`);
    expect(early).toMatchObject({ status: 409, body: { code: 'TRANSITION_NOT_ALLOWED', details: { reason: 'FACE_CHECK_UNCONFIRMED' } } });

    expect((await confirm(reviewer, check!.faceCheckId, { ok: true })).body).toMatchObject({ status: 'passed' });
    expect((await reviewer.post(`/api/review/orders/${orderId}/approve`)).body).toMatchObject({ status: 'pending_regulator_submission' });
    const audit = await t.db.manager.findBy(AuditLogEntity, { orderId, action: 'face_check.confirmed' });
    expect(audit).toEqual([expect.objectContaining({ actorId: reviewerId, target: `face_check:${check!.faceCheckId}` })]);
  });

  it('should ask for a reason to reject a face video and keep approval refused after the rejection', async () => {
    const { orderId } = await w.submitted(freshMobile(), false);
    const [check] = await faceChecks(orderId);

    expect((await confirm(reviewer, check!.faceCheckId, { ok: false })).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'reason' }] });
    expect((await confirm(reviewer, check!.faceCheckId, { ok: false, reason: '视频中人脸不清晰' })).body).toMatchObject({ status: 'rejected' });
    expect((await reviewer.post(`/api/review/orders/${orderId}/approve`)).body).toMatchObject({ details: { reason: 'FACE_CHECK_UNCONFIRMED' } });
    expect(await faceChecks(orderId)).toEqual([expect.objectContaining({ status: 'rejected', reason: '视频中人脸不清晰' })]);
  });

  it('should answer 403 to an applicant and 404 to an unknown face check', async () => {
    const { orderId, client } = await w.submitted(freshMobile(), false);
    const [check] = await faceChecks(orderId);
    expect((await confirm(client, check!.faceCheckId, { ok: true })).status).toBe(403);
    expect((await confirm(reviewer, '00000000-0000-4000-8000-000000000000', { ok: true })).status).toBe(404);
  });
});
