import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PingyiError, refusal } from '@pingyi/domain';
import { Brackets, type EntityManager, Repository } from 'typeorm';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { whereBureau } from '../common/scoping';
import { UNIT_DIRECTORY, type UnitDirectory } from '../common/unit-directory';
import { checkId, checkNewPassword, checkOptionalText } from '../common/validation';
import { type CreateUserInput, type UpdateUserInput, type UserListFilter } from './dto/user.dto';
import { hashPassword } from './password-hasher';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { checkDisplayName, checkRoles, checkUnitFor, checkUsername } from './user-rules';
import { Transactions } from '../database/transactions';
import { likeContaining } from '../common/search';

const USER_LIST = {
  sortable: { username: 'user.username', displayName: 'user.displayName', createdAt: 'user.createdAt' },
  defaultSort: [['username', SortOrder.ASC]],
} as const;

/** Admin user management, always inside the admin's own bureau. */
@Injectable()
export class UserService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: TokenService,
    @Optional() @Inject(UNIT_DIRECTORY) private readonly units?: UnitDirectory,
  ) {}

  list(ctx: RequestContext, options?: ListOptions | null, filter?: UserListFilter | null): Promise<Page<User>> {
    const query = whereBureau(this.users.createQueryBuilder('user'), ctx);
    const search = checkOptionalText(filter?.search, 'filter.search', { max: 64 });
    if (search) {
      const like = likeContaining(search);
      query.andWhere(
        new Brackets((q) =>
          q
            .where("LOWER(user.username) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(user.displayName) LIKE :like ESCAPE '\\'", { like }),
        ),
      );
    }
    if (filter?.role) query.andWhere('user.roles LIKE :role', { role: `%${filter.role}%` });
    if (filter?.active !== null && filter?.active !== undefined)
      query.andWhere('user.active = :active', { active: filter.active });
    return paginate(query, options, USER_LIST);
  }

  /** A user of the caller's bureau; `NOT_FOUND` otherwise (another bureau's users do not exist for you). */
  async findOrThrow(ctx: RequestContext, id: unknown, path = 'id'): Promise<User> {
    const user = await this.users.findOneBy({ id: checkId(id, path), bureauId: ctx.bureauId });
    if (!user) throw new PingyiError('NOT_FOUND', `no user with id ${String(id)} in your bureau`, path);
    return user;
  }

  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const passwordHash = await this.hashNewPassword(input.password, 'input.password');
    return this.transactions.run((manager) => this.createInBureau(manager, ctx.bureauId, input, {}, passwordHash));
  }

  /**
   * Checks a new password against the policy and hashes it: done before a
   * transaction starts, since a scrypt hash takes about half a second and a
   * transaction on SQLite holds the one write gate meanwhile.
   */
  async hashNewPassword(password: unknown, path: string): Promise<string> {
    return hashPassword(checkNewPassword(password, path));
  }

  /**
   * Creates a user in `bureauId` (also used when creating a bureau and on
   * first start). Messages name `input.<field>`, or the paths given in `paths`.
   * `passwordHash`, when given, is a hash of `input.password` made beforehand
   * (outside the transaction, several at once: the demo accounts).
   */
  async createInBureau(
    manager: EntityManager,
    bureauId: number,
    input: CreateUserInput,
    paths: Partial<Record<keyof CreateUserInput, string>> = {},
    passwordHash?: string,
  ): Promise<User> {
    const at = (field: keyof CreateUserInput): string => paths[field] ?? `input.${field}`;
    const username = checkUsername(input.username, at('username'));
    const displayName = checkDisplayName(input.displayName, at('displayName'));
    const password = checkNewPassword(input.password, at('password'));
    const roles = checkRoles(input.roles, at('roles'));
    const unitCode = await this.checkUnit(bureauId, roles, input.unitCode, at('unitCode'));
    if (await manager.existsBy(User, { username })) {
      throw new PingyiError('USERNAME_TAKEN', `the username ${username} is taken`, at('username'));
    }
    const hash = passwordHash ?? (await hashPassword(password));
    return manager.save(
      manager.create(User, { bureauId, username, displayName, roles, unitCode, passwordHash: hash, active: true }),
    );
  }

  async update(ctx: RequestContext, id: unknown, input: UpdateUserInput): Promise<User> {
    const user = await this.findOrThrow(ctx, id);
    if (input.displayName !== undefined && input.displayName !== null)
      user.displayName = checkDisplayName(input.displayName, 'input.displayName');
    if (input.roles !== undefined && input.roles !== null) {
      const roles = checkRoles(input.roles, 'input.roles');
      if (user.id === ctx.userOrThrow.id && !roles.includes(Role.admin)) {
        throw new PingyiError('SELF_LOCKOUT', 'you cannot remove your own admin role', 'input.roles');
      }
      user.roles = roles;
    }
    if (input.roles || input.unitCode !== undefined) {
      user.unitCode = await this.checkUnit(
        ctx.bureauId,
        user.roles,
        input.unitCode === undefined ? user.unitCode : input.unitCode,
        'input.unitCode',
      );
    }
    return this.users.save(user);
  }

  /** Deactivates (signing the user out everywhere) or reactivates a user. */
  async setActive(ctx: RequestContext, id: unknown, active: boolean): Promise<User> {
    const user = await this.findOrThrow(ctx, id);
    if (!active && user.id === ctx.userOrThrow.id)
      throw new PingyiError('SELF_LOCKOUT', 'you cannot deactivate yourself', 'id');
    user.active = active;
    const saved = await this.users.save(user);
    if (!active) await this.tokens.revokeAllOf(user.id);
    return saved;
  }

  /** Sets a new password chosen by the admin and signs the user out everywhere. */
  async resetPassword(ctx: RequestContext, id: unknown, password: unknown): Promise<User> {
    const user = await this.findOrThrow(ctx, id);
    user.passwordHash = await hashPassword(checkNewPassword(password, 'password'));
    const saved = await this.users.save(user);
    await this.tokens.revokeAllOf(user.id);
    return saved;
  }

  private async checkUnit(
    bureauId: number,
    roles: readonly Role[],
    unitCode: unknown,
    path: string,
  ): Promise<string | null> {
    const code = checkUnitFor(roles, unitCode, path);
    if (code !== null && this.units && !(await this.units.hasUnit(bureauId, code))) {
      throw refusal('INVALID_ARGUMENT', 'unknownBureauUnit', { unit: code }, path);
    }
    return code;
  }
}
