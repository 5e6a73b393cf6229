/**
 * Every error code `@pingyi/domain` throws. Codes are stable: clients, GraphQL
 * error results and tests match on them, so add codes, never rename them.
 * `UNKNOWN_UNIT`, `UNKNOWN_LEVEL`, `DUPLICATE_UNIT` and `PHASE_CLOSED` are part
 * of the public ballot API (CONTRACTS.md §4).
 */
export const DOMAIN_ERROR_CODES = {
  /** A rating scale is malformed (`scale[2].points`). */
  INVALID_SCALE: 'INVALID_SCALE',
  /** A calendar date is not a real `YYYY-MM-DD` date, or an instant is not a valid `Date`. */
  INVALID_DATE: 'INVALID_DATE',
  /** A time zone is not a known IANA name. */
  INVALID_TIME_ZONE: 'INVALID_TIME_ZONE',
  /** A campaign calendar is malformed: order, gaps, overlaps, dates outside the campaign. */
  INVALID_CALENDAR: 'INVALID_CALENDAR',
  /** An action was attempted outside the phases it is allowed in. */
  PHASE_CLOSED: 'PHASE_CLOSED',
  /** An action name is not one of `CAMPAIGN_ACTIONS`. */
  UNKNOWN_ACTION: 'UNKNOWN_ACTION',
  /** The unit list does not form a tree: duplicate code, unknown parent, cycle, bad field. */
  INVALID_UNIT_TREE: 'INVALID_UNIT_TREE',
  /** A unit code that is not (an appraised) unit of the campaign. */
  UNKNOWN_UNIT: 'UNKNOWN_UNIT',
  /** Plan text is malformed: guiding principle, objectives, requirements, leading group, themes, template. */
  INVALID_PLAN: 'INVALID_PLAN',
  /** A work item is malformed (number, theme, text, lead units). */
  INVALID_WORK_ITEM: 'INVALID_WORK_ITEM',
  /** A work-item progress value or update breaks the progress rules. */
  INVALID_PROGRESS: 'INVALID_PROGRESS',
  /** Evaluator groups are malformed (code, quota, weight). */
  INVALID_EVALUATOR_GROUPS: 'INVALID_EVALUATOR_GROUPS',
  /** More access codes requested than an evaluator group's quota has left. */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  /** A ballot's shape is wrong (not a list, a field of the wrong type). */
  INVALID_BALLOT: 'INVALID_BALLOT',
  /** A ballot rates no unit and gives no opinion. */
  EMPTY_BALLOT: 'EMPTY_BALLOT',
  /** A rating names a level that is not on the campaign's scale. */
  UNKNOWN_LEVEL: 'UNKNOWN_LEVEL',
  /** A ballot rates (or gives an opinion on) the same unit twice. */
  DUPLICATE_UNIT: 'DUPLICATE_UNIT',
  /** An opinion's text is empty after trimming or too long. */
  INVALID_OPINION: 'INVALID_OPINION',
  /** A rectification event is refused: wrong state, wrong role, another unit's liaison, missing field. */
  TRANSITION_REFUSED: 'TRANSITION_REFUSED',
  /** A rectification item or set of items is malformed (unknown parent, cycle, bad field). */
  INVALID_RECTIFICATION_ITEM: 'INVALID_RECTIFICATION_ITEM',
} as const;

/** One of the codes in {@link DOMAIN_ERROR_CODES}. */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[keyof typeof DOMAIN_ERROR_CODES];
