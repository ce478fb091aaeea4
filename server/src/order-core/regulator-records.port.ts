import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { SmsRecipientProgress } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { discoverOne } from '../platform/discovered-port';

/** One SMS recipient of the order's latest submission to the 管局, as the applicant's progress page shows it. */
export interface SmsRecipientState extends SmsRecipientProgress {
  /** When the recipient's state last changed (part of the progress page's ETag). */
  updatedAt: Date;
  expiresAt: Date;
}

/** What the regulator side records about orders, asked by the modules that show or decide on it. */
export interface RegulatorRecords {
  /** The ICP numbers issued to the order, the subject's first. */
  numbers(tx: EntityManager, orderId: string): Promise<string[]>;
  /** The SMS recipients of the order's latest submission. */
  smsRecipients(tx: EntityManager, orderId: string): Promise<SmsRecipientState[]>;
}

/** `@REGULATOR_RECORDS()` on the one provider that answers RegulatorRecords (the regulator module). */
export const REGULATOR_RECORDS = DiscoveryService.createDecorator();

/** Finds the registered RegulatorRecords at boot; the app does not start without exactly one. */
@Injectable()
export class RegulatorRecordsPort implements OnModuleInit, RegulatorRecords {
  private records: RegulatorRecords | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.records = discoverOne<RegulatorRecords>(this.discovery, REGULATOR_RECORDS, 'RegulatorRecords');
  }

  numbers(tx: EntityManager, orderId: string): Promise<string[]> {
    return this.port().numbers(tx, orderId);
  }

  smsRecipients(tx: EntityManager, orderId: string): Promise<SmsRecipientState[]> {
    return this.port().smsRecipients(tx, orderId);
  }

  private port(): RegulatorRecords {
    if (!this.records) throw new Error('RegulatorRecords asked before boot');
    return this.records;
  }
}
