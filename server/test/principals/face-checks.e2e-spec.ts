import { BIOMETRIC_CONSENT_VERSION, type FaceChallenge, type Invitation } from '@beian/shared';
import { PrincipalInvitationEntity } from '../../src/principals/principal-invitation.entity';
import { FaceChecksService } from '../../src/principals/face-checks.service';
import { mp4, photo } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';
import { upload } from '../materials/upload-helpers';

type Login = Awaited<ReturnType<typeof devLogin>>;

const OWNER = { name: '王五', certificateType: 'resident_id', certificateNumber: '110101199003078515', mobile: '13800138000' };
const LISI = { name: '李四', certificateType: 'resident_id', certificateNumber: '11010519491231002X', mobile: '13900139000' };

describe('principals: invitations and the face-video check', () => {
  const t = useTestApp();
  let owner: Login;
  let lisi: Login;
  let orderId: string;
  const draft = {
    subject: { name: '北京某某科技有限公司', nature: 'enterprise' },
    subjectPrincipal: OWNER,
    websites: [
      { name: '某某科技官网', domains: ['example.cn'], principal: LISI },
      { name: '某某商城', domains: ['shop.example.cn'], principal: { ...OWNER, sameAs: 'subjectPrincipal' } },
    ],
  };

  const createOrder = async (client: Login['client']) => {
    const created = await client.post('/api/orders', { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' });
    const saved = await client.patch(`/api/orders/${created.body.id}/draft`, { version: created.body.version, draft });
    expect(saved.status).toBe(200);
    return created.body.id as string;
  };
  const invite = async (path = 'websites.0.principal', client = owner.client, id = orderId) =>
    (await client.post<Invitation>(`/api/orders/${id}/principals/${path}/invitations`)).body;
  const findings = () => t.db.transaction((tx) => t.app.get(FaceChecksService).faceCheckFindings(tx, orderId, draft));

  beforeAll(async () => {
    owner = await devLogin(t.url, 'owner');
    lisi = await devLogin(t.url, 'lisi');
    orderId = await createOrder(owner.client);
  });

  it('should ask for a face check per distinct person when nobody has done it', async () => {
    expect((await findings()).map((f) => f.path)).toEqual(['subjectPrincipal', 'websites.0.principal']);
    const list = await owner.client.get(`/api/orders/${orderId}/principals`);
    expect(list.body).toHaveLength(2);
    expect(list.body[0]).toMatchObject({ paths: ['subjectPrincipal', 'websites.1.principal'], nameMasked: '王*', faceCheck: null });
    expect(JSON.stringify(list.body)).not.toContain(OWNER.certificateNumber);
  });

  describe('an invited principal on their own phone', () => {
    let invitation: Invitation;
    const base = () => `/api/invitations/${invitation.token}`;

    it('should issue an invitation with a wxacode scene of at most 32 characters and a link', async () => {
      invitation = await invite();
      expect(invitation.scene.length).toBeLessThanOrEqual(32);
      expect(invitation.link).toContain(invitation.token);
      expect(new Date(invitation.expiresAt).getTime() - t.clock.now().getTime()).toBe(72 * 3600_000);
      const stored = await t.db.manager.findOneByOrFail(PrincipalInvitationEntity, { id: invitation.invitationId });
      expect(JSON.stringify(stored)).not.toContain(invitation.token);
    });

    it('should show the principal only what concerns them, masked', async () => {
      const view = await lisi.client.get(base());
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({
        status: 'open',
        acceptedByMe: false,
        subjectName: '北京某某科技有限公司',
        roleLabel: '网站1负责人',
        services: [{ type: 'website', name: '某某科技官网', domains: ['example.cn'] }],
        principal: { nameMasked: '李*', mobileMasked: '139****9000' },
        consent: null,
        consentVersion: BIOMETRIC_CONSENT_VERSION,
        idPhotos: { front: false, back: false, backRequired: true },
      });
      const text = JSON.stringify(view.body);
      expect(text).not.toContain(LISI.certificateNumber);
      expect(text).not.toContain(OWNER.certificateNumber);
      expect(text).not.toContain('某某商城');
    });

    it('should require accepting before the check and bind the invitation to the first account', async () => {
      expect((await lisi.client.post(`${base()}/face-check/challenge`)).body.code).toBe('INVITATION_NOT_ACCEPTED');
      const accepted = await lisi.client.post(`${base()}/accept`);
      expect(accepted.body).toMatchObject({ status: 'accepted', acceptedByMe: true });
      const intruder = await devLogin(t.url, 'someone-else');
      expect((await intruder.client.post(`${base()}/accept`)).status).toBe(409);
      const peek = await intruder.client.get(base());
      expect(peek.status).toBe(409);
      expect(peek.body.code).toBe('INVITATION_TAKEN');
    });

    it('should require the separate biometric consent before the challenge and the video upload', async () => {
      const challenge = await lisi.client.post(`${base()}/face-check/challenge`);
      expect(challenge.status).toBe(422);
      expect(challenge.body).toMatchObject({ code: 'CONSENT_REQUIRED', fields: [{ path: 'consent' }] });
      expect((await lisi.client.post(`${base()}/uploads`, { kind: 'face_video', contentType: 'video/mp4', size: 1000 })).body.code).toBe('CONSENT_REQUIRED');
      expect((await lisi.client.post(`${base()}/consent`, { version: 'old' })).body.fields[0].code).toBe('CONSENT_OUTDATED');

      const consent = await lisi.client.post(`${base()}/consent`, { version: BIOMETRIC_CONSENT_VERSION });
      expect(consent.body).toEqual({ version: BIOMETRIC_CONSENT_VERSION, consentedAt: t.clock.now().toISOString() });
    });

    it('should ask for the ID photo before verifying, then pass the automatic checks for a reviewer to confirm', async () => {
      const challenge = (await lisi.client.post<FaceChallenge>(`${base()}/face-check/challenge`)).body;
      expect(challenge.digits).toMatch(/^\d{4}$/);
      const video = await upload(t.url, lisi.client, `${base()}/uploads`, { kind: 'face_video', contentType: 'video/mp4' }, mp4(8));
      expect(video.status).toBe(200);
      expect(video.body.target).toBe('websites.0.principal');

      const noPhoto = await lisi.client.post(`${base()}/face-check`, { challengeId: challenge.challengeId, videoFileId: video.body.fileId });
      expect(noPhoto.body.fields[0]).toMatchObject({ path: 'websites.0.principal.certificate_front', code: 'ID_PHOTO_REQUIRED' });

      const front = await upload(t.url, lisi.client, `${base()}/uploads`, { kind: 'certificate_front', contentType: 'image/jpeg' }, await photo({ gps: true }));
      expect(front.status).toBe(200);
      expect((await lisi.client.get(base())).body.idPhotos).toMatchObject({ front: true, back: false });

      const checked = await lisi.client.post(`${base()}/face-check`, { challengeId: challenge.challengeId, videoFileId: video.body.fileId });
      expect(checked.status).toBe(200);
      expect(checked.body).toMatchObject({ status: 'pending_reviewer_confirmation', reason: null });
      expect((await findings()).map((f) => f.path)).toEqual(['subjectPrincipal']);

      const again = await lisi.client.post(`${base()}/face-check/challenge`);
      expect(again.body.code).toBe('FACE_CHECK_DONE');
    });

    it('should show the principal’s uploads in the owner’s materials', async () => {
      const materials = await owner.client.get(`/api/orders/${orderId}/materials`);
      expect(materials.body.map((m: { kind: string; target: string }) => `${m.kind}@${m.target}`)).toEqual(
        expect.arrayContaining(['face_video@websites.0.principal', 'certificate_front@websites.0.principal']),
      );
    });
  });

  describe('the applicant checking themself on this phone', () => {
    const base = () => `/api/orders/${orderId}/principals/subjectPrincipal`;

    it('should refuse a stale challenge and pass with a fresh one, covering every service with the same person', async () => {
      await owner.client.post(`${base()}/consent`, { version: BIOMETRIC_CONSENT_VERSION });
      await upload(
        t.url,
        owner.client,
        `/api/orders/${orderId}/uploads`,
        { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/png' },
        await photo({ format: 'png' }),
      );
      const video = await upload(
        t.url,
        owner.client,
        `/api/orders/${orderId}/uploads`,
        { kind: 'face_video', target: 'subjectPrincipal', contentType: 'video/mp4' },
        mp4(6),
      );

      const stale = (await owner.client.post<FaceChallenge>(`${base()}/face-check/challenge`)).body;
      t.clock.advance(11 * 60_000);
      const expired = await owner.client.post(`${base()}/face-check`, { challengeId: stale.challengeId, videoFileId: video.body.fileId });
      expect(expired.body.fields[0]).toMatchObject({ path: 'challengeId', code: 'FACE_CHALLENGE_EXPIRED' });

      const fresh = (await owner.client.post<FaceChallenge>(`${base()}/face-check/challenge`)).body;
      const checked = await owner.client.post(`${base()}/face-check`, { challengeId: fresh.challengeId, videoFileId: video.body.fileId });
      expect(checked.body.status).toBe('pending_reviewer_confirmation');
      expect(await findings()).toEqual([]);
    });

    it('should only let the owner check the subject principal themself', async () => {
      expect((await owner.client.post(`/api/orders/${orderId}/principals/websites.0.principal/face-check/challenge`)).status).toBe(404);
    });
  });

  describe('reviewer confirmation', () => {
    it('should turn a pending check into passed or rejected once, with a reason for a rejection', async () => {
      const principals = t.app.get(FaceChecksService);
      const list = (await owner.client.get(`/api/orders/${orderId}/principals`)).body;
      const [own, other] = list.map((p: { faceCheck: { faceCheckId: string } }) => p.faceCheck.faceCheckId);

      const media = await principals.faceCheckMedia(own);
      expect(media.video?.kind).toBe('face_video');
      expect(media.idPhoto?.kind).toBe('certificate_front');

      await expect(principals.confirmByReviewer('reviewer-1', other, false, ' ')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(principals.confirmByReviewer('reviewer-1', own, true, null)).resolves.toMatchObject({ status: 'passed' });
      await expect(principals.confirmByReviewer('reviewer-1', own, false, '不是本人')).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
      await expect(principals.confirmByReviewer('reviewer-1', other, false, '视频中人脸不清晰，请在光线充足处重新录制')).resolves.toMatchObject({
        status: 'rejected',
      });
      expect((await findings()).map((f) => f.path)).toEqual(['websites.0.principal']);
    });
  });

  describe('invitation lifetime and access', () => {
    it('should refuse a revoked invitation and replace an earlier one with a new one', async () => {
      const first = await invite();
      const second = await invite();
      expect((await lisi.client.get(`/api/invitations/${first.token}`)).status).toBe(404);
      expect((await owner.client.raw('DELETE', `/api/orders/${orderId}/principals/invitations/${second.invitationId}`)).status).toBe(204);
      const revoked = await lisi.client.get(`/api/invitations/${second.token}`);
      expect(revoked.status).toBe(404);
      expect(revoked.body.code).toBe('INVITATION_NOT_FOUND');
    });

    it('should expire an invitation after 72 hours', async () => {
      const invitation = await invite();
      t.clock.advance(72 * 3600_000 - 1000);
      expect((await lisi.client.get(`/api/invitations/${invitation.token}`)).status).toBe(200);
      t.clock.advance(2000);
      const expired = await lisi.client.get(`/api/invitations/${invitation.token}`);
      expect(expired.status).toBe(410);
      expect(expired.body.code).toBe('INVITATION_EXPIRED');
    });

    it('should answer 404 when another account invites, revokes or lists on an order it does not own', async () => {
      const invitation = await invite();
      const stranger = await devLogin(t.url, 'stranger');
      expect((await stranger.client.post(`/api/orders/${orderId}/principals/websites.0.principal/invitations`)).status).toBe(404);
      expect((await stranger.client.raw('DELETE', `/api/orders/${orderId}/principals/invitations/${invitation.invitationId}`)).status).toBe(404);
      expect((await stranger.client.get(`/api/orders/${orderId}/principals`)).status).toBe(404);
      expect((await stranger.client.get('/api/invitations/not-a-token')).status).toBe(404);
    });

    it('should refuse to invite a principal whose certificate number is not filled in', async () => {
      const res = await owner.client.post(`/api/orders/${orderId}/principals/apps.0.principal/invitations`);
      expect(res.status).toBe(422);
      expect(res.body.fields[0]).toMatchObject({ path: 'apps.0.principal.certificateNumber', code: 'PRINCIPAL_INCOMPLETE' });
    });
  });
});
