import { PingyiError } from '@pingyi/domain';
import { type Role } from './roles';

/** The signed-in user as the server sees them for one request. */
export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly bureauId: number;
  readonly roles: readonly Role[];
  /** The unit a liaison is confined to; `null` for other roles. */
  readonly unitCode: string | null;
  /** The token the request was made with (revoked by `logout`). */
  readonly tokenId: number;
}

/** A request's caller as JSON ({@link RequestContext.snapshot}). */
export interface RequestContextSnapshot {
  readonly requestId: string;
  readonly ip: string;
  readonly user: SessionUser | null;
}

/** Who an audit entry is about when nobody is signed in yet (a sign-in names its user). */
export interface AuditNote {
  actor?: { readonly bureauId: number; readonly userId: number | null; readonly username: string };
  /** What a mutation changed, field by field, and the reason given (an edit of the scoring rule or calendar). */
  change?: {
    readonly changes: readonly { field: string; before: string | null; after: string | null }[];
    readonly reason: string | null;
  };
}

/**
 * Everything a service needs to know about the caller, passed as the first
 * argument of every service method. Immutable: the guard replaces the
 * anonymous context with an authenticated one.
 */
export class RequestContext {
  private constructor(
    readonly requestId: string,
    readonly ip: string,
    readonly user: SessionUser | null,
    /** Shared by the copies made for one request; read by the audit log. */
    readonly audit: AuditNote = {},
  ) {}

  /** A context with nobody signed in (public operations). */
  static anonymous(requestId: string, ip: string): RequestContext {
    return new RequestContext(requestId, ip, null);
  }

  /** A context for work done by the server itself (first-start setup, demo data, scripts). */
  static system(user: Omit<SessionUser, 'tokenId'> & { tokenId?: number }): RequestContext {
    return new RequestContext('system', '127.0.0.1', { tokenId: 0, ...user });
  }

  /** The context again from {@link snapshot}, for background work done on the caller's behalf (its audit entries). */
  static restore(snapshot: RequestContextSnapshot): RequestContext {
    return new RequestContext(snapshot.requestId, snapshot.ip, snapshot.user);
  }

  /** What background work needs of the caller, as JSON (the work may run on another instance). */
  snapshot(): RequestContextSnapshot {
    return { requestId: this.requestId, ip: this.ip, user: this.user };
  }

  withUser(user: SessionUser): RequestContext {
    return new RequestContext(this.requestId, this.ip, user, this.audit);
  }

  get isAuthenticated(): boolean {
    return this.user !== null;
  }

  /** The signed-in user; throws `UNAUTHENTICATED` for anonymous callers. */
  get userOrThrow(): SessionUser {
    if (!this.user) throw new PingyiError('UNAUTHENTICATED', 'Sign in first: this operation needs a valid token');
    return this.user;
  }

  /** The caller's bureau: every tenant-owned query filters by it. */
  get bureauId(): number {
    return this.userOrThrow.bureauId;
  }

  hasRole(...roles: Role[]): boolean {
    return this.user !== null && roles.some((role) => this.user?.roles.includes(role));
  }
}
