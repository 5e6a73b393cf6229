import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { because } from '../errors/reasons/index.js';
import { expectArray, expectObject, expectText, failWith, optionalText } from '../errors/input-readers.js';

/** 组长, 副组长, 成员. */
export const LEADING_GROUP_ROLES = ['leader', 'deputyLeader', 'member'] as const;

/** A seat's role in the leading group. */
export type LeadingGroupRole = (typeof LEADING_GROUP_ROLES)[number];

/** Chinese labels of the roles. */
export const LEADING_GROUP_ROLE_LABELS: Readonly<Record<LeadingGroupRole, string>> = {
  leader: '组长',
  deputyLeader: '副组长',
  member: '成员',
};

/**
 * One seat of the leading group. `name` is absent when the plan names a body
 * instead of a person (成员: 其他党委委员, "the other Party committee members").
 */
export interface LeadingGroupSeat {
  readonly role: LeadingGroupRole;
  readonly name?: string;
  /** Position or description (市委常委、局长). */
  readonly position: string;
}

/** The leading group (领导小组): exactly one leader, any deputies and members. */
export interface LeadingGroup {
  readonly seats: readonly LeadingGroupSeat[];
}

const fail = failWith(DOMAIN_ERROR_CODES.INVALID_PLAN);

/** Checks an untrusted leading group; throws `INVALID_PLAN` at the field (`leadingGroup.seats[1].role`). */
export function parseLeadingGroup(value: unknown, path = 'leadingGroup'): LeadingGroup {
  const raw = expectObject(value, path, fail);
  const seats = expectArray(raw.seats, `${path}.seats`, fail).map((item, i): LeadingGroupSeat => {
    const at = `${path}.seats[${i}]`;
    const seat = expectObject(item, at, fail);
    if (!LEADING_GROUP_ROLES.includes(seat.role as LeadingGroupRole)) {
      fail(
        `${at}.role`,
        ...because('seatRole', {
          allowed: LEADING_GROUP_ROLES.join(', '),
          value: JSON.stringify(seat.role) ?? String(seat.role),
        }),
      );
    }
    const name = optionalText(seat.name, `${at}.name`, fail);
    const position = expectText(seat.position, `${at}.position`, fail);
    return name === undefined
      ? { role: seat.role as LeadingGroupRole, position }
      : { role: seat.role as LeadingGroupRole, name, position };
  });
  const leaders = seats.filter((seat) => seat.role === 'leader').length;
  if (leaders !== 1) fail(`${path}.seats`, ...because('oneLeader', { found: leaders }));
  return { seats };
}
