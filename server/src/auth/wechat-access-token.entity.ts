import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../platform/database/columns';

/** The mini-program's current server-side access token, shared by every process (one stable_token call per expiry). */
@Entity('wechat_access_tokens')
export class WechatAccessTokenEntity {
  @PrimaryColumn({ name: 'app_id', type: 'varchar', length: 64 })
  appId: string;

  /** Encrypted. */
  @Column({ type: 'text' })
  token: string;

  @TimeColumn({ name: 'expires_at' })
  expiresAt: Date;
}
