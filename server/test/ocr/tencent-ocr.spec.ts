import { TencentOcrEngine } from '../../src/ocr/tencent.ocr-engine';
import { TencentCloudApiClient } from '../../src/platform/tencent-cloud/tencent-cloud-api.client';
import { FAKE_SECRET_ID, FAKE_SECRET_KEY, FakeTencentCloud } from '../support/fake-tencent-cloud.server';

describe('Tencent Cloud OCR against a local fake', () => {
  const fake = new FakeTencentCloud();
  let client: TencentCloudApiClient;

  beforeAll(async () => {
    await fake.start();
    client = new TencentCloudApiClient({ secretId: FAKE_SECRET_ID, secretKey: FAKE_SECRET_KEY, region: 'ap-guangzhou', endpoint: fake.url }, () => new Date());
  });
  afterAll(() => fake.stop());
  beforeEach(() => (fake.calls.length = 0));

  describe('OCR', () => {
    it('should map IDCardOCR fields of the portrait side', async () => {
      fake.on('IDCardOCR', () => ({ Name: '张三', IdNum: '11010119900307851x', Address: '北京市东城区某街道1号', Sex: '男' }));
      const fields = await new TencentOcrEngine(client).recognize('id_card_front', Buffer.from('photo'));
      expect(fields).toEqual({ name: '张三', certificateNumber: '11010119900307851X', address: '北京市东城区某街道1号' });
      expect(fake.calls[0]).toMatchObject({
        service: 'ocr',
        version: '2018-11-19',
        payload: { CardSide: 'FRONT', ImageBase64: Buffer.from('photo').toString('base64') },
      });
    });

    it('should map BizLicenseOCR fields with a 长期 period', async () => {
      fake.on('BizLicenseOCR', () => ({ Name: '北京某某科技有限公司', RegNum: '91110108MA01ABCD2X', Address: '北京市海淀区', Period: '2015年1月8日至长期' }));
      const fields = await new TencentOcrEngine(client).recognize('business_license', Buffer.from('licence'));
      expect(fields).toEqual({
        name: '北京某某科技有限公司',
        certificateNumber: '91110108MA01ABCD2X',
        address: '北京市海淀区',
        validFrom: '2015-01-08',
        validTo: '长期',
      });
    });
  });
});
