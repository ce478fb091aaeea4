import { pdf, photo } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';
import { upload } from '../materials/upload-helpers';

describe('ocr: autofill from a certificate photo (embedded default engine)', () => {
  const t = useTestApp();
  let owner: Awaited<ReturnType<typeof devLogin>>;
  let orderId: string;

  beforeAll(async () => {
    owner = await devLogin(t.url, 'ocr-user');
    orderId = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
  });

  it('should answer no fields when the embedded engine reads a confirmed ID photo', async () => {
    const file = await upload(
      t.url,
      owner.client,
      `/api/orders/${orderId}/uploads`,
      { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg' },
      await photo(),
    );
    const res = await owner.client.post(`/api/orders/${orderId}/ocr`, { uploadId: file.body.fileId, kind: 'id_card_front' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ fields: {} });
  });

  it('should refuse a PDF letter, an unknown upload and another account', async () => {
    const letter = await upload(
      t.url,
      owner.client,
      `/api/orders/${orderId}/uploads`,
      { kind: 'commitment_letter', target: 'order', contentType: 'application/pdf' },
      pdf(),
    );
    expect((await owner.client.post(`/api/orders/${orderId}/ocr`, { uploadId: letter.body.fileId, kind: 'id_card_front' })).body.fields[0]).toMatchObject({
      path: 'uploadId',
      code: 'PHOTO_REQUIRED',
    });
    expect(
      (await owner.client.post(`/api/orders/${orderId}/ocr`, { uploadId: '00000000-0000-4000-8000-000000000000', kind: 'business_license' })).body.fields[0]
        .code,
    ).toBe('UPLOAD_NOT_FOUND');
    const stranger = await devLogin(t.url, 'ocr-stranger');
    expect((await stranger.client.post(`/api/orders/${orderId}/ocr`, { uploadId: letter.body.fileId, kind: 'id_card_front' })).status).toBe(404);
  });
});
