import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PingyiError, refusal } from '@pingyi/domain';
import { Repository } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { checkNewPassword, checkText } from '../common/validation';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password-hasher';
import { LoginThrottleService } from './throttle/login-throttle.service';
import { type IssuedToken, TokenService } from './token.service';
import { User } from './user.entity';

const invalidCredentials = (): PingyiError =>
  new PingyiError('INVALID_CREDENTIALS', 'Unknown username or wrong password');

/** Sign-in, sign-out and password change of the calling user. */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /**
   * Checks the password (always running the slow hash, even for an unknown
   * user) and issues a token. Throws `INVALID_CREDENTIALS` or `TOO_MANY_ATTEMPTS`.
   */
  async login(ctx: RequestContext, rawUsername: unknown, rawPassword: unknown): Promise<IssuedToken & { user: User }> {
    const username = checkText(rawUsername, 'username', { max: 64 }).toLowerCase();
    const password = checkText(rawPassword, 'password', { max: 200, trim: false });
    const user = await this.users.findOneBy({ username });
    if (user) ctx.audit.actor = { bureauId: user.bureauId, userId: user.id, username: user.username };
    await this.throttle.registerAttempt(username, ctx.ip);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !matches || !user.active) throw invalidCredentials();
    await this.throttle.recordSuccess(username, ctx.ip);
    if (needsRehash(user.passwordHash)) await this.rehash(user, password);
    return { ...(await this.tokens.issue(user)), user };
  }

  /**
   * Stores a fresh hash at today's cost for a password checked just now (a
   * hash from before the cost was raised); only if the stored hash is still
   * the one that was checked, so a concurrent password change wins.
   */
  private async rehash(user: User, password: string): Promise<void> {
    const previous = user.passwordHash;
    const next = await hashPassword(password);
    const result = await this.users.update({ id: user.id, passwordHash: previous }, { passwordHash: next });
    if (result.affected) user.passwordHash = next;
  }

  /** Revokes the token the request was made with. */
  async logout(ctx: RequestContext): Promise<void> {
    await this.tokens.revoke(ctx.userOrThrow.tokenId);
  }

  async me(ctx: RequestContext): Promise<User> {
    return this.users.findOneByOrFail({ id: ctx.userOrThrow.id });
  }

  /** Changes the caller's password, revokes all their tokens and issues a fresh one. */
  async changePassword(ctx: RequestContext, currentPassword: unknown, newPassword: unknown): Promise<IssuedToken> {
    const current = checkText(currentPassword, 'currentPassword', { max: 200, trim: false });
    const next = checkNewPassword(newPassword, 'newPassword');
    const user = await this.me(ctx);
    // a stolen token must not become a way to guess the password
    await this.throttle.registerAttempt(user.username, ctx.ip);
    if (!(await verifyPassword(current, user.passwordHash))) {
      throw new PingyiError('INVALID_CREDENTIALS', 'the current password is wrong', 'currentPassword');
    }
    if (current === next) throw refusal('INVALID_ARGUMENT', 'samePassword', {}, 'newPassword');
    await this.throttle.recordSuccess(user.username, ctx.ip);
    user.passwordHash = await hashPassword(next);
    await this.users.save(user);
    await this.tokens.revokeAllOf(user.id);
    return this.tokens.issue(user);
  }
}
