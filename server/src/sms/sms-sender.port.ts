/** The SMS port: verification codes and progress notices. */
export interface VerificationCodeSms {
  mobile: string;
  code: string;
  minutes: number;
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
  /** Throws when the notice could not be handed over; `no_template` when the provider has no template for notices. */
  abstract sendNotice(notice: NoticeSms): Promise<'sent' | 'no_template'>;
}

export function verificationCodeText(message: VerificationCodeSms): string {
  return `您的备案验证码为${message.code}，${message.minutes}分钟内有效。如非本人操作，请忽略本短信。`;
}
