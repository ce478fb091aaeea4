import { photo } from '../support/media-fixtures';
import { FakeTencentCloud } from '../support/fake-tencent-cloud.server';
import { devLogin, useTestApp } from '../support/test-app';
import { upload } from '../materials/upload-helpers';

describe('ocr: autofill with OCR_PROVIDER=tencent against a local fake of Tencent Cloud', () => {
  const fake = new FakeTencentCloud();
  const t = useTestApp(
    () => ({
      OCR_PROVIDER: 'tencent',
      ...fake.env(),
    }),
    [fake],
  );
  let owner: Awaited<ReturnType<typeof devLogin>>;
  let orderId: string;
  let fileId: string;
  let storedPhoto: Buffer;

  beforeAll(async () => {
    owner = await devLogin(t.url, 'tencent-ocr-user');
    orderId = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
    const file = await upload(
      t.url,
      owner.client,
      `/api/orders/${orderId}/uploads`,
      { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg' },
      await photo(),
    );
    fileId = file.body.fileId;
    storedPhoto = Buffer.from(await (await fetch(`${t.url}${file.body.fileUrl}`)).arrayBuffer());
  });
  beforeEach(() => (fake.calls.length = 0));

  it('should answer the fields Tencent IDCardOCR recognised in the stored photo when the provider is tencent', async () => {
    fake.on('IDCardOCR', () => ({
      Name: '张三',
      Sex: '男',
      Nation: '汉',
      Birth: '1990/3/7',
      Address: '北京市东城区某街道1号',
      IdNum: '11010119900307851x',
      Authority: '',
      ValidDate: '',
      AdvancedInfo: '{}',
    }));
    const res = await owner.client.post(`/api/orders/${orderId}/ocr`, { uploadId: fileId, kind: 'id_card_front' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ fields: { name: '张三', certificateNumber: '11010119900307851X', address: '北京市东城区某街道1号' } });
    expect(fake.calls).toEqual([
      {
        service: 'ocr',
        action: 'IDCardOCR',
        version: '2018-11-19',
        region: 'ap-guangzhou',
        payload: { ImageBase64: storedPhoto.toString('base64'), CardSide: 'FRONT' },
      },
    ]);
  });

  it('should answer OCR_UNAVAILABLE when Tencent OCR answers an error', async () => {
    fake.on('IDCardOCR', () => ({ Error: { Code: 'FailedOperation.OcrFailed', Message: 'Ocr识别失败' } }));
    const res = await owner.client.post(`/api/orders/${orderId}/ocr`, { uploadId: fileId, kind: 'id_card_front' });
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('OCR_UNAVAILABLE');
  });
});
