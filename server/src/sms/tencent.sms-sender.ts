import type { TencentSmsConfig } from '../platform/config/app-config';
import { TencentCloudApiClient, TencentCloudError } from '../platform/tencent-cloud/tencent-cloud-api.client';
import { SmsSender, type InvitationSms, type NoticeSms, type VerificationCodeSms } from './sms-sender.port';

interface SendSmsResponse extends Record<string, unknown> {
  SendStatusSet: { PhoneNumber: string; Code: string; Message: string; SerialNo: string }[];
  RequestId: string;
}

/** Tencent Cloud SMS, action SendSms (API version 2021-01-11). */
export class TencentSmsSender extends SmsSender {
  constructor(
    private readonly client: TencentCloudApiClient,
    private readonly config: TencentSmsConfig,
  ) {
    super();
  }

  sendVerificationCode(message: VerificationCodeSms): Promise<void> {
    return this.send(message.mobile, this.config.verificationTemplateId, [message.code, String(message.minutes)]);
  }

  sendInvitation(message: InvitationSms): Promise<void> {
    return this.send(message.mobile, this.config.invitationTemplateId, [message.subjectName, message.roleLabel, String(message.hours), message.link]);
  }

  async sendNotice(notice: NoticeSms): Promise<'sent' | 'no_template'> {
    if (!this.config.noticeTemplateId) return 'no_template';
    await this.send(notice.mobile, this.config.noticeTemplateId, [notice.title]);
    return 'sent';
  }

  private async send(mobile: string, templateId: string, params: string[]): Promise<void> {
    const response = await this.client.call<SendSmsResponse>({
      service: 'sms',
      version: '2021-01-11',
      action: 'SendSms',
      payload: {
        PhoneNumberSet: [`+86${mobile}`],
        SmsSdkAppId: this.config.sdkAppId,
        SignName: this.config.signName,
        TemplateId: templateId,
        TemplateParamSet: params,
      },
    });
    const status = response.SendStatusSet[0];
    // The call succeeds as a whole while a single number may still be refused (e.g. LimitExceeded.PhoneNumberDailyLimit).
    if (status?.Code !== 'Ok') throw new TencentCloudError(status?.Code ?? 'UnknownStatus', status?.Message ?? 'no status', response.RequestId);
  }
}
