/** The SMS port: verification codes, the invitation a principal opens to finish their own part, and progress notices. */
export interface VerificationCodeSms {
  mobile: string;
  code: string;
  minutes: number;
}

export interface InvitationSms {
  mobile: string;
  /** The subject as the invitation shows it (a personal filer's name masked). */
  subjectName: string;
  roleLabel: string;
  /** The H5 address of the invitation (the mini-program opens the same page). */
  link: string;
  hours: number;
}

/** A progress notice: `text` is the whole message; a provider that sends by approved template passes `title` only. */
export interface NoticeSms {
  mobile: string;
  title: string;
  text: string;
}

export abstract class SmsSender {
  /** Throws when the message could not be handed over (the caller tells the user to try later). */
  abstract sendVerificationCode(message: VerificationCodeSms): Promise<void>;
  /** Throws when the message could not be handed over: the invitation is then not reported as sent. */
  abstract sendInvitation(message: InvitationSms): Promise<void>;

  /** Throws when the notice could not be handed over; `no_template` when the provider has no template for notices. */
  abstract sendNotice(notice: NoticeSms): Promise<'sent' | 'no_template'>;
}

export function verificationCodeText(message: VerificationCodeSms): string {
  return `您的备案验证码为${message.code}，${message.minutes}分钟内有效。如非本人操作，请忽略本短信。`;
}

export function invitationText(message: InvitationSms): string {
  return `${message.subjectName}邀请您作为${message.roleLabel}完成ICP备案核验（上传本人证件照片、验证手机号码、录制视频），请在${message.hours}小时内打开：${message.link}`;
}
