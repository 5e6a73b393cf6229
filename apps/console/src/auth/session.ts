import { ROLES, type Role } from '@pingyi/domain';
/** The signed-in user as `me` returns it. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** The unit a liaison acts for. */
  readonly unitCode: string | null;
}

/** The server's roles (the domain's list). */
export { ROLES, type Role };

/** Where the session lives between page loads (localStorage in the browser, a map in tests). */
export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const TOKEN = 'pingyi.token';
const EXPIRES = 'pingyi.expiresAt';
const USER = 'pingyi.user';

/** The bearer token, its expiry and the user, kept in `storage`. */
export class Session {
  constructor(
    private readonly storage: SessionStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token while it has not expired; an expired one is forgotten. */
  token(): string | null {
    const token = this.storage.getItem(TOKEN);
    if (!token) return null;
    const expires = Date.parse(this.storage.getItem(EXPIRES) ?? '');
    if (Number.isFinite(expires) && expires <= this.now()) {
      this.clear();
      return null;
    }
    return token;
  }

  user(): SessionUser | null {
    const raw = this.storage.getItem(USER);
    if (!raw || !this.token()) return null;
    try {
      return JSON.parse(raw) as SessionUser;
    } catch {
      return null;
    }
  }

  start(token: string, expiresAt: string, user: SessionUser): void {
    this.storage.setItem(TOKEN, token);
    this.storage.setItem(EXPIRES, expiresAt);
    this.storage.setItem(USER, JSON.stringify(user));
  }

  setUser(user: SessionUser): void {
    this.storage.setItem(USER, JSON.stringify(user));
  }

  clear(): void {
    this.storage.removeItem(TOKEN);
    this.storage.removeItem(EXPIRES);
    this.storage.removeItem(USER);
  }
}

/** An in-memory storage (tests, or a browser without localStorage). */
export function memoryStorage(): SessionStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}
