import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FilingRecordModule } from '../filing-record/filing-record.module';
import { AuthModule } from '../auth/auth.module';
import { MaterialsModule } from '../materials/materials.module';
import { NotificationsModule } from '../notifications/notifications.module';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { requireTencentCloud, TencentCloudApiClient } from '../platform/tencent-cloud/tencent-cloud-api.client';
import { OrderCoreModule } from '../order-core/order-core.module';
import { SmsModule } from '../sms/sms.module';
import { InviteeOwnPartService } from './invitee-own-part.service';
import { FaceVerifier, ReviewerConfirmedFaceVerifier } from './face-verifier.port';
import { InvitationsController } from './invitations.controller';
import { PrincipalsController } from './principals.controller';
import { BiometricConsents } from './biometric-consents';
import { FaceChecksService } from './face-checks.service';
import { PrincipalInvitationsService } from './principal-invitations.service';
import { TencentFaceVerifier } from './tencent.face-verifier';
import { FaceChecksDoneCheck } from './face-checks-done.check';
import { FaceCheckRecordsReader } from './face-check-records';
import { FaceCheckReviewController, FaceChecksConfirmedGuard } from './face-check-review';

/**
 * Principals, invitations and face checks. `FACE_VERIFIER=reviewer-confirmed` (embedded default, refused in
 * production without simulators) leaves liveness and likeness to a reviewer; `tencent`: Tencent FaceID decides.
 */
@Module({
  imports: [OrderCoreModule, MaterialsModule, NotificationsModule, AuthModule, AuditModule, FilingRecordModule, SmsModule],
  controllers: [PrincipalsController, InvitationsController, FaceCheckReviewController],
  providers: [
    {
      provide: FaceVerifier,
      inject: [APP_CONFIG, TencentCloudApiClient],
      useFactory: (config: AppConfig, tencentCloud: TencentCloudApiClient | null): FaceVerifier =>
        config.faceVerifier.provider === 'tencent'
          ? new TencentFaceVerifier(requireTencentCloud(tencentCloud, 'FACE_VERIFIER'))
          : new ReviewerConfirmedFaceVerifier(),
    },
    BiometricConsents,
    FaceChecksService,
    PrincipalInvitationsService,
    InviteeOwnPartService,
    FaceChecksDoneCheck,
    FaceCheckRecordsReader,
    FaceChecksConfirmedGuard,
  ],
})
export class PrincipalsModule {}
