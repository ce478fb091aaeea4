import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { WechatAccessTokenEntity } from './wechat-access-token.entity';
import type { CachedToken, WechatTokenStore } from './wechat-api.client';

/** The access token in the database: what one process fetched, the others use. */
@Injectable()
export class DatabaseWechatTokenStore implements WechatTokenStore {
  constructor(
    private readonly db: DatabaseService,
    private readonly cipher: FieldCipher,
  ) {}

  async read(appId: string): Promise<CachedToken | null> {
    const row = await this.db.manager.findOne(WechatAccessTokenEntity, { where: { appId } });
    return row ? { value: this.cipher.decrypt(row.token), expiresAt: row.expiresAt.getTime() } : null;
  }

  async write(appId: string, token: CachedToken): Promise<void> {
    await this.db.manager.upsert(WechatAccessTokenEntity, { appId, token: this.cipher.encrypt(token.value), expiresAt: new Date(token.expiresAt) }, ['appId']);
  }
}
