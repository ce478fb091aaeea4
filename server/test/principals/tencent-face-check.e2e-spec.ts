import { BIOMETRIC_CONSENT_VERSION, type FaceChallenge } from '@beian/shared';
import { mp4, photo } from '../support/media-fixtures';
import { FakeTencentCloud } from '../support/fake-tencent-cloud.server';
import { devLogin, useTestApp } from '../support/test-app';
import { upload } from '../materials/upload-helpers';

const OWNER = { name: '王五', certificateType: 'resident_id', certificateNumber: '110101199003078515', mobile: '13800138000' };

describe('principals: face checks with FACE_VERIFIER=tencent against a local fake of Tencent Cloud', () => {
  const fake = new FakeTencentCloud();
  const t = useTestApp(
    () => ({
      FACE_VERIFIER: 'tencent',
      ...fake.env(),
    }),
    [fake],
  );
  let applicants = 0;

  beforeEach(() => (fake.calls.length = 0));

  /** A new applicant's order (one in flight per account) with consent, ID photo and video done; the check is left to the test. */
  const readyForCheck = async () => {
    const owner = await devLogin(t.url, `tencent-face-owner-${applicants++}`);
    const created = await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' });
    const orderId = created.body.id as string;
    expect((await owner.client.patch(`/api/orders/${orderId}/draft`, { version: created.body.version, draft: { subjectPrincipal: OWNER } })).status).toBe(200);
    const base = `/api/orders/${orderId}/principals/subjectPrincipal`;
    await owner.client.post(`${base}/consent`, { version: BIOMETRIC_CONSENT_VERSION });
    const uploads = `/api/orders/${orderId}/uploads`;
    const front = await upload(
      t.url,
      owner.client,
      uploads,
      { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg' },
      await photo(),
    );
    const video = await upload(t.url, owner.client, uploads, { kind: 'face_video', target: 'subjectPrincipal', contentType: 'video/mp4' }, mp4(6));
    expect([front.status, video.status]).toEqual([200, 200]);
    const challenge = (await owner.client.post<FaceChallenge>(`${base}/face-check/challenge`)).body;
    const check = () => owner.client.post(`${base}/face-check`, { challengeId: challenge.challengeId, videoFileId: video.body.fileId });
    return { challenge, check, videoUrl: video.body.fileUrl as string };
  };

  it('should pass the check without a reviewer when FaceID finds the live person matches the ID photo', async () => {
    fake.on('LivenessCompare', () => ({ Result: 'Success', Description: '成功', Sim: 88.5, BestFrameBase64: '' }));
    const { challenge, check, videoUrl } = await readyForCheck();
    const storedVideo = Buffer.from(await (await fetch(`${t.url}${videoUrl}`)).arrayBuffer());

    const res = await check();

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'passed', reason: null });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({
      service: 'faceid',
      action: 'LivenessCompare',
      version: '2018-03-01',
      region: undefined,
      payload: { LivenessType: 'LIP', ValidateData: challenge.digits, VideoBase64: storedVideo.toString('base64') },
    });
  });

  it('should fail the check with what to do next when FaceID finds another person', async () => {
    fake.on('LivenessCompare', () => ({ Result: 'Success', Description: '成功', Sim: 31, BestFrameBase64: '' }));
    const { check } = await readyForCheck();

    const res = await check();

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'failed', reason: expect.stringContaining('与证件照片不一致') });
  });

  it('should answer FACE_VERIFIER_UNAVAILABLE when FaceID answers an internal error', async () => {
    fake.on('LivenessCompare', () => ({ Error: { Code: 'InternalError', Message: '内部错误' } }));
    const { check } = await readyForCheck();

    const res = await check();

    expect(res.status).toBe(502);
    expect(res.body.code).toBe('FACE_VERIFIER_UNAVAILABLE');
  });
});
