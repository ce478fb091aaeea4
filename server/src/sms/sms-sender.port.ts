/** The SMS port. The only message today is a verification code. */
export interface VerificationCodeSms {
  mobile: string;
  code: string;
  minutes: number;
}

export abstract class SmsSender {
  /** Throws when the message could not be handed over (the caller tells the user to try later). */
  abstract sendVerificationCode(message: VerificationCodeSms): Promise<void>;
}

export function verificationCodeText(message: VerificationCodeSms): string {
  return `您的备案验证码为${message.code}，${message.minutes}分钟内有效。如非本人操作，请忽略本短信。`;
}
