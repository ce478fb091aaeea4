import { toBuffer } from 'qrcode';
import { MiniProgramCodes, type MiniProgramCodeTarget } from './mini-program-code.port';

/** Embedded default (no AppID): a QR code of the H5 link, opened in any phone's browser. */
export class QrMiniProgramCodes extends MiniProgramCodes {
  pageCode(target: MiniProgramCodeTarget): Promise<Buffer> {
    return toBuffer(target.h5Url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 430 });
  }
}
