import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { type Authenticator } from '../common/authenticator';
import { type SessionUser } from '../common/request-context';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { AuthToken } from './auth-token.entity';
import { type User } from './user.entity';

/** What the client receives at sign-in: the plain token, shown once. */
export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: Date;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * Opaque bearer tokens: 32 random bytes for the client, only their SHA-256 in
 * the database, so a database leak gives no usable token. Stateless servers:
 * every request looks its token up (one indexed query joined to the user).
 */
@Injectable()
export class TokenService implements Authenticator {
  constructor(
    @InjectRepository(AuthToken) private readonly tokens: Repository<AuthToken>,
    @Inject(PINGYI_CONFIG) private readonly config: PingyiConfig,
  ) {}

  async issue(user: User): Promise<IssuedToken> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    await this.tokens.insert({ userId: user.id, tokenHash: sha256(token), expiresAt, revokedAt: null });
    return { token, expiresAt };
  }

  async authenticate(token: string): Promise<SessionUser | null> {
    const found = await this.tokens
      .createQueryBuilder('token')
      .innerJoinAndSelect('token.user', 'user')
      .where('token.tokenHash = :hash', { hash: sha256(token) })
      .andWhere('token.revokedAt IS NULL')
      .andWhere('token.expiresAt > :now', { now: new Date() })
      .andWhere('user.active = :active', { active: true })
      .getOne();
    if (!found) return null;
    const { user } = found;
    return {
      id: user.id,
      username: user.username,
      bureauId: user.bureauId,
      roles: user.roles,
      unitCode: user.unitCode,
      tokenId: found.id,
    };
  }

  async revoke(tokenId: number): Promise<void> {
    await this.tokens.update({ id: tokenId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Signs the user out everywhere (password change, reset, deactivation). */
  async revokeAllOf(userId: number): Promise<void> {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
