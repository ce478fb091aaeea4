/**
 * Where an invitation code points: `page` + `scene` for a mini-program code, `h5Url` for a plain QR code.
 * Scene format (≤ 32 characters, WeChat's limit): the invitation token itself, 32 base64url characters
 * (`[A-Za-z0-9_-]{32}`); the mini-program opens `page` with it as `scene` and treats it as `token`.
 */
export interface InvitationCodeTarget {
  page: string;
  scene: string;
  h5Url: string;
}

/** A PNG image the principal scans to open their invitation. */
export abstract class MiniProgramCodes {
  abstract invitationCode(target: InvitationCodeTarget): Promise<Buffer>;
}
