import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import type { LoginResponse, Role, SessionUser } from '@beian/shared';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService, isDuplicateKeyError } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { RecentSessions } from './recent-sessions';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { WechatApiError, WechatGateway } from './wechat-gateway.port';

/** jscode2session errcodes (WeChat docs) and how each reaches the user. */
const WECHAT_ERRORS: Record<number, 'WECHAT_CODE_INVALID' | 'WECHAT_RATE_LIMITED' | 'WECHAT_LOGIN_FAILED'> = {
  40029: 'WECHAT_CODE_INVALID',
  40163: 'WECHAT_CODE_INVALID',
  45011: 'WECHAT_RATE_LIMITED',
  40226: 'WECHAT_LOGIN_FAILED',
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly wechat: WechatGateway,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly db: DatabaseService,
    private readonly recentSessions: RecentSessions,
  ) {}

  async wechatLogin(code: string): Promise<LoginResponse> {
    let session;
    try {
      session = await this.wechat.code2Session(code);
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      const mapped = WECHAT_ERRORS[error.errcode];
      this.logger.warn(`jscode2session failed: ${error.errcode}`);
      throw mapped ? new AppException(mapped) : new AppException('WECHAT_UNAVAILABLE');
    }
    const user = await this.userFor(session.openid, () => ({ unionid: session.unionid ?? null, nickname: '微信用户', roles: ['applicant'], isDev: false }));
    user.sessionKey = this.cipher.encrypt(session.sessionKey);
    await this.users.update({ id: user.id }, { sessionKey: user.sessionKey });
    return this.issueSession(user);
  }

  async devLogin(nickname: string): Promise<LoginResponse> {
    if (!this.config.devLoginEnabled) throw new AppException('DEV_LOGIN_DISABLED');
    const openid = `dev:${nickname}`;
    const roles = this.devRoles(nickname);
    const user = await this.userFor(openid, () => ({ unionid: null, nickname, roles, isDev: true }));
    if (user.roles.join(',') !== roles.join(',')) {
      user.roles = roles;
      await this.users.update({ id: user.id }, { roles });
    }
    return this.issueSession(user);
  }

  /**
   * The account of an openid, created on its first login. Two first logins at once both try to insert: the
   * unique openid lets one win, and the other reads the winner's row instead of failing.
   */
  private async userFor(openid: string, fields: () => Pick<UserEntity, 'unionid' | 'nickname' | 'roles' | 'isDev'>): Promise<UserEntity> {
    const existing = await this.users.findOne({ where: { openid } });
    if (existing) return existing;
    const user = this.users.create({ id: randomUUID(), openid, sessionKey: null, createdAt: this.clock.now(), ...fields() });
    try {
      await this.users.insert(user);
      return user;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.users.findOneOrFail({ where: { openid } });
    }
  }

  /** Staff for local work and tests: nicknames with a configured prefix (e.g. 审核员1) get the staff roles. */
  private devRoles(nickname: string): Role[] {
    if (this.config.devAdminPrefixes.some((prefix) => nickname.startsWith(prefix))) return ['admin', 'reviewer'];
    if (this.config.devReviewerPrefixes.some((prefix) => nickname.startsWith(prefix))) return ['reviewer'];
    return ['applicant'];
  }

  /** Every authenticated request asks this: a session read recently, else one indexed join without the query builder. */
  async authenticate(token: string): Promise<SessionUser | null> {
    const tokenHash = hashToken(token);
    const session = this.recentSessions.get(tokenHash) ?? (await this.readSession(tokenHash));
    return session && session.expiresAt > this.clock.now().getTime() ? session.user : null;
  }

  private async readSession(tokenHash: string): Promise<{ user: SessionUser; expiresAt: number } | undefined> {
    const [row] = await this.db.read<{ expires_at: Date | string; id: string; nickname: string; roles: string }>(
      'SELECT s.expires_at, u.id, u.nickname, u.roles FROM sessions s INNER JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?',
      [tokenHash],
    );
    if (!row) return undefined;
    const session = {
      user: { id: row.id, nickname: row.nickname, roles: row.roles.split(',') as SessionUser['roles'] },
      expiresAt: this.db.timeFromRow(row.expires_at).getTime(),
    };
    this.recentSessions.remember(tokenHash, session.user, session.expiresAt);
    return session;
  }

  async logout(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    await this.sessions.delete({ tokenHash });
    await this.recentSessions.revoke(tokenHash);
    await this.sessions.delete({ expiresAt: LessThan(this.clock.now()) });
  }

  private async issueSession(user: UserEntity): Promise<LoginResponse> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.config.sessionTtlMs);
    await this.sessions.insert({ tokenHash: hashToken(token), userId: user.id, expiresAt, createdAt: this.clock.now() });
    return { token, expiresAt: expiresAt.toISOString(), user: { id: user.id, nickname: user.nickname, roles: user.roles } };
  }
}
