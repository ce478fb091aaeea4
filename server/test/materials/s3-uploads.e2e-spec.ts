import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { UPLOAD_LIMITS, type UploadTicket } from '@beian/shared';
import { JobRunner } from '../../src/jobs/job.runner';
import { hasGpsIfd, photo, textFile } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';
import { FAKE_S3_KEY_ID, FAKE_S3_SECRET, FakeS3 } from './fake-s3.server';
import { putBytes } from './upload-helpers';

const FRONT = { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg' };

describe('materials: two-phase uploads with STORAGE=s3 against a local fake bucket', () => {
  const bucket = new FakeS3('beian-private-1250000000', 'ap-guangzhou');
  const t = useTestApp(
    () => ({
      STORAGE: 's3',
      S3_ENDPOINT: bucket.url,
      S3_BUCKET: bucket.bucket,
      S3_REGION: bucket.region,
      S3_ACCESS_KEY_ID: FAKE_S3_KEY_ID,
      S3_SECRET_ACCESS_KEY: FAKE_S3_SECRET,
    }),
    [bucket],
  );
  let owner: Awaited<ReturnType<typeof devLogin>>;
  let orderId: string;

  beforeAll(async () => {
    owner = await devLogin(t.url, 's3-uploader');
    orderId = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
  });

  const ticketFor = async (bytes: Buffer) => {
    const res = await owner.client.post<UploadTicket>(`/api/orders/${orderId}/uploads`, { ...FRONT, size: bytes.length });
    expect(res.status).toBe(201);
    return res.body;
  };
  const confirm = (ticket: UploadTicket) => owner.client.post(`/api/uploads/${ticket.uploadId}/confirm`);

  it('should carry a photo from the ticket through a presigned PUT to a confirmed file in the bucket when storage is s3', async () => {
    const original = await photo({ width: 1600, height: 1000, gps: true });
    const ticket = await ticketFor(original);
    expect(ticket.uploadUrl.startsWith(`${bucket.url}/${bucket.bucket}/incoming/${ticket.uploadId}?`)).toBe(true);

    expect(await putBytes(t.url, ticket, original)).toBe(200);
    expect(bucket.objects.get(`incoming/${ticket.uploadId}`)?.equals(original)).toBe(true);

    const confirmed = await confirm(ticket);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ fileId: ticket.uploadId, contentType: 'image/jpeg', width: 1600, height: 1000 });
    expect([...bucket.objects.keys()].filter((key) => key.includes(ticket.uploadId)).sort()).toEqual([
      `files/${ticket.uploadId}`,
      `files/${ticket.uploadId}.thumb`,
    ]);

    const stored = await fetch(confirmed.body.fileUrl);
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('image/jpeg');
    expect(hasGpsIfd((await sharp(Buffer.from(await stored.arrayBuffer())).metadata()).exif)).toBe(false);
    expect((await fetch(confirmed.body.thumbnailUrl!)).status).toBe(200);
    expect(existsSync(join(t.config.dataDir, 'objects'))).toBe(false);
  });

  it('should have the bucket encrypt every object, the client upload and the server writes alike, when the bucket requires it', async () => {
    bucket.requireEncryption = true;
    try {
      const original = await photo();
      const ticket = await ticketFor(original);
      expect(ticket.headers['x-amz-server-side-encryption']).toBe('AES256');
      expect(new URL(ticket.uploadUrl).searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-amz-server-side-encryption');

      const withoutHeader = await fetch(ticket.uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: original });
      expect(withoutHeader.status).toBe(403);
      expect(await putBytes(t.url, ticket, original)).toBe(200);
      expect(bucket.encryption.get(`incoming/${ticket.uploadId}`)).toBe('AES256');
      expect((await confirm(ticket)).status).toBe(200);

      expect(bucket.encryption.get(`files/${ticket.uploadId}`)).toBe('AES256');
      expect(bucket.encryption.get(`files/${ticket.uploadId}.thumb`)).toBe('AES256');
    } finally {
      bucket.requireEncryption = false;
    }
  });

  it('should answer FILE_MISSING when the bucket has nothing under the ticket at confirmation', async () => {
    const ticket = await ticketFor(await photo());
    const res = await confirm(ticket);
    expect(res.status).toBe(422);
    expect(res.body.fields[0]).toMatchObject({ path: 'subjectPrincipal.certificate_front', code: 'FILE_MISSING' });
  });

  it('should refuse bytes that are not a photo and delete them from the bucket when confirming', async () => {
    const text = textFile();
    const ticket = await ticketFor(text);
    expect(await putBytes(t.url, ticket, text)).toBe(200);
    const res = await confirm(ticket);
    expect(res.status).toBe(422);
    expect(bucket.objects.has(`incoming/${ticket.uploadId}`)).toBe(false);
  });

  it('should delete an abandoned upload from the bucket when the cleanup job runs after the ticket expired', async () => {
    const bytes = await photo();
    const ticket = await ticketFor(bytes);
    await putBytes(t.url, ticket, bytes);
    t.clock.advance((UPLOAD_LIMITS.ticketMinutes + 1) * 60_000);
    await t.app.get(JobRunner).drain();
    expect(bucket.objects.has(`incoming/${ticket.uploadId}`)).toBe(false);
  });

  it('should not open the local storage routes when storage is s3', async () => {
    const res = await fetch(`${t.url}/api/storage/incoming/x?op=put&exp=1&p=1&sig=0`, { method: 'PUT', body: 'x' });
    expect(res.status).toBe(404);
  });
});
