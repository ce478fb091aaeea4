import { toBuffer } from 'qrcode';
import { MiniProgramCodes, type InvitationCodeTarget } from './mini-program-code.port';

/** Embedded default (no AppID): a QR code of the H5 invitation link, opened in any phone's browser. */
export class QrMiniProgramCodes extends MiniProgramCodes {
  invitationCode(target: InvitationCodeTarget): Promise<Buffer> {
    return toBuffer(target.h5Url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 430 });
  }
}
