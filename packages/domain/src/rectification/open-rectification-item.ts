import { DEFAULT_TIME_ZONE, isLocalDate, localDateOf } from '../calendar/local-date.js';
import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import {
  expectCode,
  expectObject,
  expectString,
  expectText,
  failWith,
  optionalText,
  show,
} from '../errors/input-readers.js';
import { PingyiError } from '../errors/pingyi-error.js';
import { type RectificationEffect } from './rectification-effect.js';
import { type RectificationItem, type Role, ROLE_LABELS } from './rectification-item.js';
import { OPEN_ITEM_ROLES } from './rectification-transitions.js';

/** Who opens an item and when; `unitCodes`, when given, are the units an item may be assigned to. */
export interface OpenItemContext {
  readonly role: Role;
  readonly actorUnitCode?: string | null;
  readonly now: Date;
  readonly timeZone?: string;
  readonly unitCodes?: ReadonlySet<string>;
}

const fail = failWith(DOMAIN_ERROR_CODES.INVALID_RECTIFICATION_ITEM);

/**
 * Opens (立项) a rectification item in state `identified` from untrusted input
 * `{ id, unitCode, title, description?, source?, parentId?, weight?, deadline? }`
 * (a deadline set when opening, today or later; the unit's plan may set another). Only
 * `OPEN_ITEM_ROLES` may open items (else `TRANSITION_REFUSED`, reason
 * `wrongRole`); a bad field throws `INVALID_RECTIFICATION_ITEM` at `input.<field>`,
 * an unassignable unit `UNKNOWN_UNIT`. Effects: a history entry and a notice to the unit.
 */
export function openRectificationItem(
  input: unknown,
  context: OpenItemContext,
): { item: RectificationItem; effects: readonly RectificationEffect[] } {
  if (!OPEN_ITEM_ROLES.includes(context.role)) {
    throw new PingyiError(
      DOMAIN_ERROR_CODES.TRANSITION_REFUSED,
      `open (立项) refused: role ${context.role} (${ROLE_LABELS[context.role] ?? '?'}) may not open rectification items; allowed: ${OPEN_ITEM_ROLES.join(', ')}`,
      'role',
      { reason: 'wrongRole', event: 'open', role: context.role, allowedRoles: OPEN_ITEM_ROLES },
    );
  }
  const raw = expectObject(input, 'input', fail);
  const unitCode = expectCode(raw.unitCode, 'input.unitCode', fail);
  if (context.unitCodes && !context.unitCodes.has(unitCode)) {
    throw new PingyiError(
      DOMAIN_ERROR_CODES.UNKNOWN_UNIT,
      `"${unitCode}" is not a unit of this campaign`,
      'input.unitCode',
      { unit: unitCode },
    );
  }
  const weight = raw.weight;
  if (
    weight !== undefined &&
    weight !== null &&
    (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
  ) {
    fail('input.weight', `must be a number ≥ 0, got ${show(weight)}`);
  }
  const today = localDateOf(context.now, context.timeZone ?? DEFAULT_TIME_ZONE);
  const deadline = raw.deadline === undefined || raw.deadline === null || raw.deadline === '' ? null : raw.deadline;
  if (deadline !== null && !isLocalDate(deadline)) fail('input.deadline', `${show(deadline)} is not a date YYYY-MM-DD`);
  if (deadline !== null && (deadline as string) < today)
    fail('input.deadline', `${String(deadline)} is before today ${today}`);
  const item: RectificationItem = {
    id: expectText(raw.id, 'input.id', fail),
    unitCode,
    title: expectText(raw.title, 'input.title', fail).trim(),
    description: raw.description === undefined ? '' : expectString(raw.description, 'input.description', fail).trim(),
    source: optionalText(raw.source, 'input.source', fail) ?? null,
    state: 'identified',
    plan: null,
    owner: null,
    deadline: deadline as string | null,
    evidence: [],
    publicResponse: null,
    supervision: null,
    progress: null,
    rebounds: 0,
    lookBacks: 0,
    parentId: optionalText(raw.parentId, 'input.parentId', fail) ?? null,
    weight: (weight as number | null | undefined) ?? null,
    openedOn: today,
    closedOn: null,
  };
  if (item.parentId === item.id) fail('input.parentId', `item ${item.id} cannot be its own parent`);
  const effects: RectificationEffect[] = [
    {
      type: 'history',
      itemId: item.id,
      event: 'open',
      from: null,
      to: 'identified',
      role: context.role,
      actorUnitCode: context.actorUnitCode ?? null,
      at: context.now,
      date: today,
      details: { unitCode, title: item.title, source: item.source },
    },
    { type: 'notify', itemId: item.id, to: 'unit', unitCode, reason: 'open' },
  ];
  return { item, effects };
}
