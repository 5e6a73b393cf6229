import { registerEnumType } from '@nestjs/graphql';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

/** 建章立制: add a rule, revise one, abolish one, or promote a good practice. */
export const POLICY_ACTION_KINDS = ['add', 'revise', 'abolish', 'promote'] as const;
export type PolicyActionKind = (typeof POLICY_ACTION_KINDS)[number];
export const PolicyActionKindEnum = enumOf(POLICY_ACTION_KINDS);
registerEnumType(PolicyActionKindEnum, {
  name: 'PolicyActionKind',
  description: 'add (建立), revise (修订), abolish (废止), promote (总结推广)',
});

/** drafted → adopted, or drafted → withdrawn. */
export const POLICY_ACTION_STATES = ['drafted', 'adopted', 'withdrawn'] as const;
export type PolicyActionState = (typeof POLICY_ACTION_STATES)[number];
export const PolicyActionStateEnum = enumOf(POLICY_ACTION_STATES);
registerEnumType(PolicyActionStateEnum, { name: 'PolicyActionState' });

/** 明查 (open) or 暗访 (covert). */
export const INSPECTION_KINDS = ['open', 'covert'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const InspectionKindEnum = enumOf(INSPECTION_KINDS);
registerEnumType(InspectionKindEnum, { name: 'InspectionKind', description: 'open (明查) or covert (暗访)' });
