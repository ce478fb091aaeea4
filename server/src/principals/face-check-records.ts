import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FACE_CHECK_RECORDS, type FaceCheckRecords, type OrderFaceCheck } from '../order-core/face-check-records.port';
import { FaceCheckEntity } from './face-check.entity';

/** The principals module's answer to FaceCheckRecords: an order's face checks by path. */
@Injectable()
@FACE_CHECK_RECORDS()
export class FaceCheckRecordsReader implements FaceCheckRecords {
  async forOrder(tx: EntityManager, orderId: string): Promise<OrderFaceCheck[]> {
    const checks = await tx.find(FaceCheckEntity, { where: { orderId }, order: { path: 'ASC' } });
    return checks.map((check) => ({
      faceCheckId: check.id,
      path: check.path,
      status: check.status,
      score: check.score,
      reason: check.reason,
      videoFileId: check.videoFileId,
      updatedAt: new Date(check.updatedAt).toISOString(),
    }));
  }
}
