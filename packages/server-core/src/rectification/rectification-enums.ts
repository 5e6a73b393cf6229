import { registerEnumType } from '@nestjs/graphql';
import { RECTIFICATION_EVENT_TYPES, RECTIFICATION_STATES, type RefusalReason } from '@pingyi/domain';

// GraphQL enums built from the domain's lists, so the schema can never drift
// from the lifecycle table.

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const RectificationStateEnum = enumOf(RECTIFICATION_STATES);
registerEnumType(RectificationStateEnum, {
  name: 'RectificationState',
  description: 'identified → verified → planned → inProgress → rectified → accepted; or dismissed',
});

export const RectificationEventTypeEnum = enumOf(RECTIFICATION_EVENT_TYPES);
registerEnumType(RectificationEventTypeEnum, {
  name: 'RectificationEventType',
  description: 'An event of the rectification lifecycle table',
});

/** Where an item came from (来源). */
export const RECTIFICATION_SOURCE_TYPES = ['opinion', 'cityFeedback', 'inspectionFinding', 'gapCheck'] as const;
export type RectificationSourceType = (typeof RECTIFICATION_SOURCE_TYPES)[number];
export const RectificationSourceTypeEnum = enumOf(RECTIFICATION_SOURCE_TYPES);
registerEnumType(RectificationSourceTypeEnum, {
  name: 'RectificationSourceType',
  description: 'opinion (意见表), cityFeedback (市评议办反馈), inspectionFinding (明查暗访发现), gapCheck (查漏补缺)',
});

export const REFUSAL_REASONS: readonly RefusalReason[] = [
  'unknownEvent',
  'wrongRole',
  'otherUnit',
  'wrongState',
  'notUnderSupervision',
  'missingField',
  'invalidField',
];
export const RefusalReasonEnum = enumOf(REFUSAL_REASONS);
registerEnumType(RefusalReasonEnum, {
  name: 'TransitionRefusalReason',
  description: 'Why the lifecycle table refused an event',
});
