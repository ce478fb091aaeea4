import type { OcrKind } from '@beian/shared';
import { TencentCloudApiClient } from '../platform/tencent-cloud/tencent-cloud-api.client';
import { OcrEngine, type OcrFields } from './ocr-engine.port';

interface IdCardResponse extends Record<string, unknown> {
  Name?: string;
  IdNum?: string;
  Address?: string;
}

interface BizLicenseResponse extends Record<string, unknown> {
  Name?: string;
  RegNum?: string;
  Address?: string;
  /** e.g. `2015年01月01日至2035年01月01日` or `2015年01月01日至长期`. */
  Period?: string;
}

const CN_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;

function isoDate(text: string | undefined): string | undefined {
  const m = text ? CN_DATE.exec(text) : null;
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

function present(fields: Record<string, string | undefined>): OcrFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v.trim() !== '' && v !== '无')) as OcrFields;
}

/** Tencent Cloud OCR (API version 2018-11-19): IDCardOCR for the ID card's portrait side, BizLicenseOCR for licences. */
export class TencentOcrEngine extends OcrEngine {
  constructor(private readonly client: TencentCloudApiClient) {
    super();
  }

  async recognize(kind: OcrKind, image: Buffer): Promise<OcrFields> {
    const ImageBase64 = image.toString('base64');
    if (kind === 'id_card_front') {
      const r = await this.client.call<IdCardResponse>({
        service: 'ocr',
        version: '2018-11-19',
        action: 'IDCardOCR',
        payload: { ImageBase64, CardSide: 'FRONT' },
      });
      return present({ name: r.Name, certificateNumber: r.IdNum?.toUpperCase(), address: r.Address });
    }
    const r = await this.client.call<BizLicenseResponse>({ service: 'ocr', version: '2018-11-19', action: 'BizLicenseOCR', payload: { ImageBase64 } });
    const [from, to] = (r.Period ?? '').split('至');
    return present({
      name: r.Name,
      certificateNumber: r.RegNum?.toUpperCase(),
      address: r.Address,
      validFrom: isoDate(from),
      validTo: to?.includes('长期') ? '长期' : isoDate(to),
    });
  }
}
