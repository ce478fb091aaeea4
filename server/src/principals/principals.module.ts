import { Module } from '@nestjs/common';
import { MaterialsModule } from '../materials/materials.module';
import { OrderDraftStore } from '../orders/order-draft.store';
import { FaceVerifier, ReviewerConfirmedFaceVerifier } from './face-verifier.port';
import { InvitationsController } from './invitations.controller';
import { PrincipalsController } from './principals.controller';
import { PrincipalsService } from './principals.service';

/**
 * Principals, invitations and face checks. Embedded default verifier: ReviewerConfirmedFaceVerifier; the
 * Tencent FaceID adapter (TencentFaceVerifier) takes over once credentials are configured.
 * OrderDraftStore is provided here too (read-only use) until OrdersModule exports it.
 */
@Module({
  imports: [MaterialsModule],
  controllers: [PrincipalsController, InvitationsController],
  providers: [{ provide: FaceVerifier, useClass: ReviewerConfirmedFaceVerifier }, OrderDraftStore, PrincipalsService],
  exports: [PrincipalsService],
})
export class PrincipalsModule {}
