import sharp from 'sharp';
import { UPLOAD_LIMITS, type UploadTicket } from '@beian/shared';
import { JobRunner } from '../../src/jobs/job.runner';
import { UploadEntity } from '../../src/materials/upload.entity';
import { MaterialsService } from '../../src/materials/materials.service';
import { hasGpsIfd, largePhoto, mp4, pdf, photo, textFile } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';
import { putBytes, upload } from './upload-helpers';

const PERSONAL_WEBSITE = { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' };
const FRONT = { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg' };

describe('materials: two-phase uploads checked by content', () => {
  const t = useTestApp();
  let owner: Awaited<ReturnType<typeof devLogin>>;
  let orderId: string;

  beforeAll(async () => {
    owner = await devLogin(t.url, 'uploader');
    orderId = (await owner.client.post('/api/orders', PERSONAL_WEBSITE)).body.id;
  });

  const ticketPath = () => `/api/orders/${orderId}/uploads`;
  const fetchBytes = async (url: string) => {
    const res = await fetch(`${t.url}${url}`);
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('should store a re-encoded photo without EXIF GPS and answer a signed thumbnail when a phone photo is confirmed', async () => {
    const original = await photo({ width: 1600, height: 1000, gps: true });
    expect(hasGpsIfd((await sharp(original).metadata()).exif)).toBe(true);

    const res = await upload(t.url, owner.client, ticketPath(), FRONT, original);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fileId: res.ticket?.uploadId,
      kind: 'certificate_front',
      target: 'subjectPrincipal',
      contentType: 'image/jpeg',
      width: 1600,
      height: 1000,
    });
    const stored = await fetchBytes(res.body.fileUrl);
    expect(stored.status).toBe(200);
    const meta = await sharp(stored.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(hasGpsIfd(meta.exif)).toBe(false);
    const thumb = await fetchBytes(res.body.thumbnailUrl!);
    expect(thumb.type).toBe('image/jpeg');
    const thumbMeta = await sharp(thumb.bytes).metadata();
    expect(Math.max(thumbMeta.width, thumbMeta.height)).toBeLessThanOrEqual(320);
  });

  it('should list confirmed materials of the order with fresh links when asked by the owner', async () => {
    const res = await owner.client.get(`/api/orders/${orderId}/materials`);
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(1);
    expect(res.body[0].fileUrl).toMatch(/^\/api\/storage\/files\//);
  });

  it('should keep file names free of personal data when storing', async () => {
    const res = await upload(t.url, owner.client, ticketPath(), { ...FRONT, contentType: 'image/png' }, await photo({ format: 'png' }));
    expect(res.body.fileUrl).toMatch(/^\/api\/storage\/files\/[0-9a-f-]{36}\?/);
  });

  it('should accept a 4 MB photo although JSON bodies are limited to 1 MB', async () => {
    const big = await largePhoto(4 * 1024 * 1024);
    const res = await upload(t.url, owner.client, ticketPath(), { ...FRONT, contentType: 'image/png' }, big);
    expect(res.status).toBe(200);
    expect(res.body.width).toBeGreaterThan(1000);
  });

  it('should accept a PDF where a letter is asked for', async () => {
    const res = await upload(t.url, owner.client, ticketPath(), { kind: 'commitment_letter', target: 'order', contentType: 'application/pdf' }, pdf());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contentType: 'application/pdf', thumbnailUrl: null, width: null });
  });

  describe('the bad-input tour', () => {
    it('should refuse the ticket with a field message when a 6 MB photo is declared', async () => {
      const res = await owner.client.post(ticketPath(), { ...FRONT, size: 6 * 1024 * 1024 });
      expect(res.status).toBe(422);
      expect(res.body.fields).toEqual([
        { path: 'subjectPrincipal.certificate_front', code: 'FILE_TOO_LARGE', message: '照片大小不能超过5MB，请压缩后重新上传' },
      ]);
    });

    it('should refuse the bytes when a client declares a small size but sends a 6 MB photo', async () => {
      const big = await largePhoto(6 * 1024 * 1024);
      const ticket = await owner.client.post<UploadTicket>(ticketPath(), { ...FRONT, contentType: 'image/png', size: 1000 });
      expect(await putBytes(t.url, ticket.body, big)).toBe(413);
    });

    it('should refuse a text file renamed to .jpg when its content is checked', async () => {
      const res = await upload(t.url, owner.client, ticketPath(), FRONT, textFile());
      expect(res.status).toBe(422);
      expect(res.body.fields[0]).toMatchObject({ path: 'subjectPrincipal.certificate_front', code: 'FILE_NOT_PHOTO' });
      expect(res.body.fields[0].message).toContain('文件内容不是JPG/PNG图片');
      const row = await t.db.manager.findOneBy(UploadEntity, { id: res.ticket!.uploadId });
      expect(row).toBeNull();
    });

    it('should refuse a 100×100 image as too small', async () => {
      const res = await upload(t.url, owner.client, ticketPath(), FRONT, await photo({ width: 100, height: 100 }));
      expect(res.status).toBe(422);
      expect(res.body.fields[0]).toMatchObject({ code: 'IMAGE_TOO_SMALL', message: '照片尺寸过小（至少500×300像素），请重新拍摄清晰的照片' });
    });

    it('should refuse an image larger than 5000×5000 pixels', async () => {
      const res = await upload(t.url, owner.client, ticketPath(), FRONT, await photo({ width: 5200, height: 400 }));
      expect(res.status).toBe(422);
      expect(res.body.fields[0].code).toBe('IMAGE_TOO_LARGE');
    });

    it('should refuse a PDF where a photo is required, at the ticket and by content', async () => {
      const declared = await owner.client.post(ticketPath(), { ...FRONT, contentType: 'application/pdf', size: 500 });
      expect(declared.status).toBe(422);
      expect(declared.body.fields[0]).toMatchObject({ code: 'PHOTO_REQUIRED' });
      const disguised = await upload(t.url, owner.client, ticketPath(), FRONT, pdf());
      expect(disguised.body.fields[0]).toMatchObject({ path: 'subjectPrincipal.certificate_front', code: 'PHOTO_REQUIRED' });
    });

    it('should refuse a 40-second video and a 3-second video with what to do', async () => {
      const video = { kind: 'face_video', target: 'subjectPrincipal', contentType: 'video/mp4' };
      const long = await upload(t.url, owner.client, ticketPath(), video, mp4(40));
      expect(long.status).toBe(422);
      expect(long.body.fields[0]).toEqual({ path: 'subjectPrincipal.face_video', code: 'VIDEO_TOO_LONG', message: '视频时长不能超过15秒，请重新录制' });
      const short = await upload(t.url, owner.client, ticketPath(), video, mp4(3));
      expect(short.body.fields[0]).toMatchObject({ code: 'VIDEO_TOO_SHORT' });
      expect(short.body.fields[0].message).toContain('不能少于5秒');
    });

    it('should refuse an MP4 without a video track and a photo sent as a video', async () => {
      const video = { kind: 'face_video', target: 'subjectPrincipal', contentType: 'video/mp4' };
      const audio = await upload(t.url, owner.client, ticketPath(), video, mp4(8, { audioOnly: true }));
      expect(audio.body.fields[0].code).toBe('VIDEO_NO_TRACK');
      const image = await upload(t.url, owner.client, ticketPath(), video, await photo());
      expect(image.body.fields[0].code).toBe('VIDEO_NOT_MP4');
    });

    it('should accept an 8-second selfie video with its duration', async () => {
      const res = await upload(t.url, owner.client, ticketPath(), { kind: 'face_video', target: 'subjectPrincipal', contentType: 'video/mp4' }, mp4(8));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ kind: 'face_video', durationMs: 8000, thumbnailUrl: null });
    });

    it('should ask to upload first when confirming before the bytes arrived', async () => {
      const ticket = await owner.client.post<UploadTicket>(ticketPath(), { ...FRONT, size: 1000 });
      const res = await owner.client.post(`/api/uploads/${ticket.body.uploadId}/confirm`);
      expect(res.status).toBe(422);
      expect(res.body.fields[0].code).toBe('FILE_MISSING');
    });
  });

  describe('signed URLs', () => {
    it('should refuse a tampered or expired link and a link used for another operation', async () => {
      const res = await upload(t.url, owner.client, ticketPath(), FRONT, await photo());
      const url = res.body.fileUrl;
      expect((await fetchBytes(url)).status).toBe(200);

      expect((await fetchBytes(url.replace(/files\/[0-9a-f]/, (m: string) => m.slice(0, -1) + (m.endsWith('a') ? 'b' : 'a')))).status).toBe(403);
      expect((await fetchBytes(url.replace(/sig=[\w-]{4}/, 'sig=AAAA'))).status).toBe(403);
      expect((await fetchBytes(url.replace(/exp=\d+/, (m: string) => `exp=${Number(m.slice(4)) + 3600_000}`))).status).toBe(403);
      expect((await fetchBytes(url.replace('op=get', 'op=put'))).status).toBe(403);
      const forged = await fetch(`${t.url}${url}`, { method: 'PUT', body: Buffer.from('x') });
      expect(forged.status).toBe(403);

      t.clock.advance(11 * 60_000);
      const expired = await fetchBytes(url);
      expect(expired.status).toBe(403);
      expect(JSON.parse(expired.bytes.toString()).code).toBe('STORAGE_URL_INVALID');
    });

    it('should refuse a PUT after the ticket expired', async () => {
      const ticket = await owner.client.post<UploadTicket>(ticketPath(), { ...FRONT, size: 1000 });
      t.clock.advance((UPLOAD_LIMITS.ticketMinutes + 1) * 60_000);
      expect(await putBytes(t.url, ticket.body, await photo())).toBe(403);
      expect((await owner.client.post(`/api/uploads/${ticket.body.uploadId}/confirm`)).status).toBe(410);
    });
  });

  describe('access', () => {
    it('should answer 404 when another account asks for a ticket, confirms or lists an order it does not own', async () => {
      const stranger = await devLogin(t.url, 'stranger');
      const ticket = await owner.client.post<UploadTicket>(ticketPath(), { ...FRONT, size: 1000 });
      expect((await stranger.client.post(ticketPath(), { ...FRONT, size: 1000 })).status).toBe(404);
      expect((await stranger.client.post(`/api/uploads/${ticket.body.uploadId}/confirm`)).status).toBe(404);
      expect((await stranger.client.get(`/api/orders/${orderId}/materials`)).status).toBe(404);
      expect((await stranger.client.raw('DELETE', `/api/orders/${orderId}/materials/${ticket.body.uploadId}`)).status).toBe(404);
    });
  });

  describe('quota and cleanup', () => {
    it('should refuse more files or bytes than the order quota and accept again after a deletion', async () => {
      const user = await devLogin(t.url, 'quota');
      const id = (await user.client.post('/api/orders', PERSONAL_WEBSITE)).body.id;
      const path = `/api/orders/${id}/uploads`;
      const big = UPLOAD_LIMITS.maxBytesPerOrder / UPLOAD_LIMITS.maxFileBytes;
      const tickets: UploadTicket[] = [];
      for (let i = 0; i < big; i++) tickets.push((await user.client.post<UploadTicket>(path, { ...FRONT, size: UPLOAD_LIMITS.maxFileBytes })).body);
      const overBytes = await user.client.post(path, { ...FRONT, size: 1 });
      expect(overBytes.status).toBe(422);
      expect(overBytes.body).toMatchObject({ code: 'UPLOAD_QUOTA_EXCEEDED', fields: [{ path: 'subjectPrincipal.certificate_front' }] });

      expect((await user.client.raw('DELETE', `/api/orders/${id}/materials/${tickets.pop()!.uploadId}`)).status).toBe(204);
      for (let i = tickets.length; i < UPLOAD_LIMITS.maxFilesPerOrder; i++) {
        const res = await user.client.post<UploadTicket>(path, { ...FRONT, size: 100 });
        expect(res.status).toBe(201);
      }
      const overCount = await user.client.post(path, { ...FRONT, size: 100 });
      expect(overCount.body.code).toBe('UPLOAD_QUOTA_EXCEEDED');

      expect((await user.client.raw('DELETE', `/api/orders/${id}/materials/${tickets[0]!.uploadId}`)).status).toBe(204);
      expect((await user.client.post(path, { ...FRONT, size: 100 })).status).toBe(201);
    });

    it('should delete unconfirmed uploads and their bytes when the cleanup job runs after they expire', async () => {
      const ticket = await owner.client.post<UploadTicket>(ticketPath(), { ...FRONT, size: 50_000 });
      await putBytes(t.url, ticket.body, await photo());
      const confirmed = await upload(t.url, owner.client, ticketPath(), FRONT, await photo());

      t.clock.advance((UPLOAD_LIMITS.ticketMinutes + 1) * 60_000);
      await t.app.get(JobRunner).drain();

      expect(await t.db.manager.findOneBy(UploadEntity, { id: ticket.body.uploadId })).toBeNull();
      expect(await t.db.manager.findOneBy(UploadEntity, { id: confirmed.body.fileId })).toMatchObject({ status: 'confirmed' });
    });
  });

  describe('findingsForDraft', () => {
    it('should report referenced files that are missing, unconfirmed or of another order', async () => {
      const confirmed = await upload(t.url, owner.client, ticketPath(), FRONT, await photo());
      const pending = await owner.client.post<UploadTicket>(ticketPath(), { ...FRONT, size: 1000 });
      const other = await devLogin(t.url, 'other-order');
      const otherOrder = (await other.client.post('/api/orders', PERSONAL_WEBSITE)).body.id;
      const foreign = await upload(t.url, other.client, `/api/orders/${otherOrder}/uploads`, FRONT, await photo());

      const findings = await t.db.transaction((tx) =>
        t.app.get(MaterialsService).findingsForDraft(tx, orderId, {
          materials: [
            { kind: 'certificate_front', target: 'subjectPrincipal', fileId: confirmed.body.fileId },
            { kind: 'certificate_back', target: 'subjectPrincipal', fileId: pending.body.uploadId },
            { kind: 'domain_real_name', target: 'websites.0', fileId: foreign.body.fileId },
          ],
          websites: [{ preApprovals: [{ type: 'news', fileId: '00000000-0000-4000-8000-000000000000' }] }],
        }),
      );

      expect(findings.map((f) => f.path)).toEqual(['materials.1.fileId', 'materials.2.fileId', 'websites.0.preApprovals.0.fileId']);
      expect(findings[0]).toMatchObject({ code: 'MATERIAL_FILE_MISSING' });
    });
  });
});
