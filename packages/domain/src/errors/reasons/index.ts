import { PingyiError } from '../pingyi-error.js';
import { type ErrorCode } from '../error-names.js';
import { ACCESS_REASONS } from './access-reasons.js';
import { CALENDAR_REASONS } from './calendar-reasons.js';
import { DOCUMENT_REASONS } from './document-reasons.js';
import { CSV_REASONS, INPUT_REASONS } from './input-reasons.js';
import { CONFIG_REASONS } from './config-reasons.js';
import { INDICATOR_REASONS } from './indicator-reasons.js';
import { NOTIFICATION_MESSAGES } from './notification-messages.js';
import { ORGANIZATION_REASONS } from './organization-reasons.js';
import { PAPER_REASONS } from './paper-reasons.js';
import { RECORD_REASONS } from './records-reasons.js';
import { SCAN_REASONS } from './scan-reasons.js';
import { POLICY_REASONS } from './policy-reasons.js';
import { fillReason, type ReasonLanguage, type ReasonParams, type ReasonText } from './reason-text.js';
import { TRANSITION_REASONS } from './transition-reasons.js';
import { USER_REASONS } from './user-reasons.js';

export { fillReason, type ReasonLanguage, type ReasonParams, type ReasonText } from './reason-text.js';

/**
 * Every sentence a refusal or a notification can carry, by message key. The server writes the
 * English one as the error's message and sends the key and its parameters
 * (`details.messageKey`, `details.params`); the console renders the sentence
 * in the user's language from them. Keys are stable: add, never rename.
 */
export const MESSAGES = {
  ...ACCESS_REASONS,
  ...INPUT_REASONS,
  ...CSV_REASONS,
  ...CALENDAR_REASONS,
  ...USER_REASONS,
  ...ORGANIZATION_REASONS,
  ...POLICY_REASONS,
  ...TRANSITION_REASONS,
  ...PAPER_REASONS,
  ...SCAN_REASONS,
  ...RECORD_REASONS,
  ...DOCUMENT_REASONS,
  ...INDICATOR_REASONS,
  ...CONFIG_REASONS,
  ...NOTIFICATION_MESSAGES,
} as const satisfies Record<string, ReasonText>;

/** A key of {@link MESSAGES}. */
export type MessageKey = keyof typeof MESSAGES;

/** What an error's `details` carry for a sentence: the key and its parameters. */
export interface MessageDetails {
  readonly messageKey: MessageKey;
  readonly params: ReasonParams;
}

/** The sentence of `key` in `language`, its parameters filled in. */
export function messageText(key: MessageKey, params: ReasonParams = {}, language: ReasonLanguage = 'en'): string {
  return fillReason(MESSAGES[key][language], params);
}

/**
 * A refusal's English message and the details that let a client say it in
 * its own language: `fail(path, ...because('phaseOverlaps', { … }))`, or
 * `new PingyiError(code, ...because(key, params), path)` via {@link refusal}.
 */
export function because(
  key: MessageKey,
  params: ReasonParams = {},
  details: Readonly<Record<string, unknown>> = {},
): [message: string, details: Readonly<Record<string, unknown>>] {
  return [messageText(key, params), { ...details, messageKey: key, params }];
}

/** The message key and parameters an error's `details` carry, if any. */
export function messageOf(details: Readonly<Record<string, unknown>> | undefined): MessageDetails | null {
  const key = details?.messageKey;
  if (typeof key !== 'string' || !Object.hasOwn(MESSAGES, key)) return null;
  const raw = details?.params;
  const params: Record<string, string | number> = {};
  if (raw && typeof raw === 'object') {
    for (const [name, value] of Object.entries(raw))
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return { messageKey: key as MessageKey, params };
}

/** A `PingyiError` whose message is the sentence of `key` (in English) and whose details carry the key and parameters. */
export function refusal(
  code: ErrorCode,
  key: MessageKey,
  params: ReasonParams,
  path?: string,
  details: Readonly<Record<string, unknown>> = {},
): PingyiError {
  const [message, withKey] = because(key, params, details);
  return new PingyiError(code, message, path, withKey);
}
