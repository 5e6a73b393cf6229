import { type RequestContext } from './request-context';

/** A mutation outcome for the audit log. */
export interface AuditRecord {
  readonly operation: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly success: boolean;
  readonly errorCode: string | null;
}

/**
 * Where mutations are recorded; the audit module provides it. The global
 * guard uses it to record refused mutations, the audit interceptor for the rest.
 */
export interface AuditSink {
  record(ctx: RequestContext, record: AuditRecord, options?: AuditOptions): Promise<void>;
}

export const AUDIT_SINK = Symbol('AUDIT_SINK');

/** Per-mutation audit settings, see `@Audit()`. */
export interface AuditOptions {
  /** `false` records no arguments at all (e.g. casting an anonymous ballot). */
  readonly args?: boolean;
  /** Further argument names to redact besides passwords, tokens and codes. */
  readonly redact?: readonly string[];
  /**
   * `true` for anonymous acts (casting a ballot): a successful call is kept
   * without client address or request id and with its day only, so the log
   * cannot be lined up with what the act stored. Failures keep both.
   */
  readonly anonymous?: boolean;
}
