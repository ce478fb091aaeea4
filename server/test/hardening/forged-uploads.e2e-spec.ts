import { randomUUID } from 'node:crypto';
import type { UploadTicket } from '@beian/shared';
import { UploadEntity } from '../../src/materials/upload.entity';
import { putBytes, upload } from '../materials/upload-helpers';
import { mp4, pdf } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';

const VIDEO = { kind: 'face_video', target: 'subjectPrincipal', contentType: 'video/mp4' };
const LETTER = { kind: 'commitment_letter', target: 'order', contentType: 'application/pdf' };

describe('hardening: forged uploads are refused at confirmation', () => {
  const t = useTestApp();
  let client: Awaited<ReturnType<typeof devLogin>>['client'];
  let ticketPath: string;

  beforeAll(async () => {
    client = (await devLogin(t.url, `up-${randomUUID().slice(0, 8)}`)).client;
    const orderId = (await client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
    ticketPath = `/api/orders/${orderId}/uploads`;
  });

  it('should refuse a face video cut in half with a clear message', async () => {
    const real = mp4(8);

    const res = await upload(t.url, client, ticketPath, VIDEO, real.subarray(0, Math.floor(real.length / 2)));

    expect(res.status).toBe(422);
    expect(res.body.fields[0]).toMatchObject({
      path: 'subjectPrincipal.face_video',
      code: 'VIDEO_UNREADABLE',
      message: '视频文件已损坏或格式不正确，请重新录制',
    });
    expect(await t.db.manager.findOneBy(UploadEntity, { id: res.ticket!.uploadId })).toBeNull();
  });

  it('should refuse bytes that differ in size from what the ticket declared', async () => {
    const real = mp4(8);
    const ticket = await client.post<UploadTicket>(ticketPath, { ...VIDEO, size: real.length + 1000 });
    expect(await putBytes(t.url, ticket.body, real)).toBeLessThan(300);

    const res = await client.post(`/api/uploads/${ticket.body.uploadId}/confirm`);

    expect(res.status).toBe(422);
    expect(res.body.fields[0]).toMatchObject({ code: 'FILE_SIZE_MISMATCH' });
  });

  it('should refuse a PDF carrying JavaScript and accept a plain one', async () => {
    const active = Buffer.from(
      pdf().toString('latin1').replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'),
      'latin1',
    );

    const refused = await upload(t.url, client, ticketPath, LETTER, active);
    const accepted = await upload(t.url, client, ticketPath, LETTER, pdf());

    expect(refused.status).toBe(422);
    expect(refused.body.fields[0]).toMatchObject({ code: 'PDF_ACTIVE_CONTENT' });
    expect(accepted.status).toBe(200);
  });
});
