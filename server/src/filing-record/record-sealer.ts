import { Injectable } from '@nestjs/common';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { FieldCipher } from '../platform/crypto/field-cipher';
import type { Sealer } from './record-from-draft';

/** How the record seals what it copies from an approved draft: personal fields by their draft path, single values whole. */
@Injectable()
export class RecordSealer implements Sealer {
  constructor(
    private readonly drafts: OrderDraftStore,
    private readonly cipher: FieldCipher,
  ) {}

  seal(tree: unknown, at: string): string {
    return this.drafts.seal(tree, at);
  }

  encrypt(plain: string): string {
    return this.cipher.encrypt(plain);
  }
}
