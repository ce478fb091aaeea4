/**
 * Where a mini-program code points: `page` + `scene` for a mini-program code, `h5Url` for a plain QR code.
 * `scene` ≤ 32 characters (WeChat's limit) of `[0-9A-Za-z!#$&'()*+,/:;=?@._~-]`; the page receives it as `scene`:
 * an invitation's token, or the short token of a 扫码继续 code.
 */
export interface MiniProgramCodeTarget {
  page: string;
  scene: string;
  h5Url: string;
}

/** A PNG image a phone scans to open a page of the mini-program (or of the H5 build). */
export abstract class MiniProgramCodes {
  abstract pageCode(target: MiniProgramCodeTarget): Promise<Buffer>;
}
