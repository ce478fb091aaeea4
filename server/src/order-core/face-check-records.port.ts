import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { ReviewOrderDetail } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { discoverOne } from '../platform/discovered-port';

export type OrderFaceCheck = ReviewOrderDetail['faceChecks'][number];

/** The principals' face checks of an order, as staff see them. */
export interface FaceCheckRecords {
  forOrder(tx: EntityManager, orderId: string): Promise<OrderFaceCheck[]>;
}

/** `@FACE_CHECK_RECORDS()` on the one provider that answers FaceCheckRecords (the principals module). */
export const FACE_CHECK_RECORDS = DiscoveryService.createDecorator();

/** Finds the registered FaceCheckRecords at boot. */
@Injectable()
export class FaceCheckRecordsPort implements OnModuleInit, FaceCheckRecords {
  private records: FaceCheckRecords | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.records = discoverOne<FaceCheckRecords>(this.discovery, FACE_CHECK_RECORDS, 'FaceCheckRecords');
  }

  forOrder(tx: EntityManager, orderId: string): Promise<OrderFaceCheck[]> {
    if (!this.records) throw new Error('FaceCheckRecords asked before boot');
    return this.records.forOrder(tx, orderId);
  }
}
