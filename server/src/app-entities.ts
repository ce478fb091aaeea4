import { SessionEntity } from './auth/session.entity';
import { UserEntity } from './auth/user.entity';
import { WechatAccessTokenEntity } from './auth/wechat-access-token.entity';
import { FilingOrderEntity } from './order-core/filing-order.entity';
import { OrderDraftSectionEntity } from './order-core/order-draft-section.entity';
import { OrderHistoryEntity } from './order-core/order-history.entity';
import { JobEntity } from './jobs/job.entity';
import { MessageDeliveryEntity } from './notifications/message-delivery.entity';
import { MessageEntity } from './notifications/message.entity';
import { SubscribeGrantEntity } from './notifications/subscribe-grant.entity';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { UploadEntity } from './materials/upload.entity';
import { DevSmsMessageEntity } from './sms/dev-sms-message.entity';
import { DevMailMessageEntity } from './mail/dev-mail-message.entity';
import { VerificationCodeEntity } from './cancellations/verification-code.entity';
import { MobileVerificationEntity } from './sms/mobile-verification.entity';
import { SmsCodeEntity } from './sms/sms-code.entity';
import { SmsLimitLockEntity } from './sms/sms-limit-lock.entity';
import { BiometricConsentEntity } from './principals/biometric-consent.entity';
import { FaceCheckEntity } from './principals/face-check.entity';
import { PrincipalInvitationEntity } from './principals/principal-invitation.entity';
import { IdempotencyRecordEntity } from './platform/http/idempotency-record.entity';
import { RateLimitWindowEntity } from './platform/http/rate-limit-window.entity';
import { ClockOffsetEntity } from './platform/clock/clock-offset.entity';

import { AuditLogEntity } from './audit/audit-log.entity';
import { CalendarDayEntity } from './calendar/calendar-day.entity';
import { IcpNumberEntity, IcpSerialEntity } from './regulator/icp-number.entity';
import { RegulatorScriptEntity } from './regulator/regulator-script.entity';
import { SmsVerificationEntity } from './regulator/sms-verification.entity';
import { RegulatorSimSmsEntity } from './regulator/regulator-sim-sms.entity';
import { ReviewCallEntity } from './review/review-call.entity';
import { ReviewClaimEntity } from './review/review-claim.entity';
import { ReviewDecisionEntity } from './order-core/review-decision.entity';
import { RegistrySimFilingEntity } from './filing-record/registry-sim-filing.entity';
import { FilingAccessRecordEntity } from './filing-record/filing-access-record.entity';
import { FilingServiceEntity, FilingServiceKeyEntity } from './filing-record/filing-service.entity';
import { FilingSubjectEntity } from './filing-record/filing-subject.entity';
import { FilingVersionEntity } from './filing-record/filing-version.entity';
import { AccountEntity } from './accounts/account.entity';
import { ResultChannelOptoutEntity } from './contact-channels/result-channel-optout.entity';
import { RejectionFactEntity } from './insights/rejection-fact.entity';
import { PublicSecurityConsentEntity } from './public-security/public-security-consent.entity';
import { PublicSecurityDataCodeEntity } from './public-security/public-security-data-code.entity';
import { ResourceQuotaLockEntity, ResourceUseEntity } from './resources/resource-use.entity';
import { SimCloudResourceEntity } from './resources/sim-cloud-resource.entity';
import { FilingCodeEntity } from './codes/filing-code.entity';
import { CodeGrantEntity } from './codes/code-grant.entity';

/** Every entity of the app, for the data source and the migration generator (scripts/generate-migration.js). */
export const APP_ENTITIES = [
  UserEntity,
  SessionEntity,
  WechatAccessTokenEntity,
  FilingOrderEntity,
  OrderDraftSectionEntity,
  OrderHistoryEntity,
  OutboxMessageEntity,
  IdempotencyRecordEntity,
  RateLimitWindowEntity,
  ClockOffsetEntity,
  JobEntity,
  MessageEntity,
  MessageDeliveryEntity,
  SubscribeGrantEntity,
  UploadEntity,
  SmsCodeEntity,
  SmsLimitLockEntity,
  MobileVerificationEntity,
  DevSmsMessageEntity,
  DevMailMessageEntity,
  VerificationCodeEntity,
  PrincipalInvitationEntity,
  BiometricConsentEntity,
  FaceCheckEntity,
  AuditLogEntity,
  CalendarDayEntity,
  ReviewDecisionEntity,
  ReviewCallEntity,
  ReviewClaimEntity,
  SmsVerificationEntity,
  RegulatorSimSmsEntity,
  IcpNumberEntity,
  IcpSerialEntity,
  RegulatorScriptEntity,
  RegistrySimFilingEntity,
  FilingSubjectEntity,
  FilingServiceEntity,
  FilingServiceKeyEntity,
  FilingAccessRecordEntity,
  FilingVersionEntity,
  AccountEntity,
  ResultChannelOptoutEntity,
  RejectionFactEntity,
  SimCloudResourceEntity,
  ResourceUseEntity,
  ResourceQuotaLockEntity,
  PublicSecurityConsentEntity,
  PublicSecurityDataCodeEntity,
  FilingCodeEntity,
  CodeGrantEntity,
];
