import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { discoverAll } from '../platform/discovered-port';
import type { DraftTree } from './order-draft.store';

/** What a module does when the applicant saves draft sections (a picked instance gets its 服务码), in the save's transaction. */
export interface DraftSavedEffect {
  saved(tx: EntityManager, orderId: string, sections: DraftTree): Promise<void>;
}

/** `@DRAFT_SAVED_EFFECTS()` registers an effect (a multi-provider port discovered at boot, like ORDER_STATUS_EFFECTS). */
export const DRAFT_SAVED_EFFECTS = DiscoveryService.createDecorator();

/** Runs every registered effect of a draft save. */
@Injectable()
export class DraftSavedEffects implements OnModuleInit {
  private effects: DraftSavedEffect[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.effects = discoverAll<DraftSavedEffect>(this.discovery, DRAFT_SAVED_EFFECTS);
  }

  async saved(tx: EntityManager, orderId: string, sections: DraftTree): Promise<void> {
    for (const effect of this.effects) await effect.saved(tx, orderId, sections);
  }
}
