import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type PingyiError, type RefusalReason } from '@pingyi/domain';
import { defineErrorResult, ErrorResultBase } from '../common/error-result';
import { ProblemSentenceFields } from '../common/problem-result';
import { RefusalReasonEnum } from './rectification-enums';

// PHASE_CLOSED (the message names the window, its dates and time zone) and
// UNKNOWN_UNIT are the campaign modules' error results, shared.
export { PhaseClosedError, UnknownUnitError } from '../campaign/campaign.errors';

export const ConflictError = defineErrorResult(
  'CONFLICT',
  'ConflictError',
  'The record changed since it was read; reload and try again',
);
export const InvalidRectificationItemError = defineErrorResult(
  'INVALID_RECTIFICATION_ITEM',
  'InvalidRectificationItemError',
  'A rectification item breaks a rule (a bad field, an unknown parent)',
);

/**
 * `TRANSITION_REFUSED`: the lifecycle table refused the event. `reason` says
 * why (wrongRole, wrongState, notUnderSupervision, missingField, ...), the
 * message says it in words, and the allowed roles/states are listed.
 */
@ObjectType('TransitionRefusedError', { implements: () => [ErrorResultBase] })
export class TransitionRefusedError extends ErrorResultBase {
  static readonly errorCode = 'TRANSITION_REFUSED';

  @Field(() => RefusalReasonEnum)
  reason: RefusalReason;

  @Field(() => String, { nullable: true, description: 'The event refused (open for opening an item)' })
  event: string | null;

  @Field(() => String, { nullable: true, description: 'The payload field at fault, for missingField and invalidField' })
  field: string | null;

  @Field(() => [String], { description: 'Roles that may send the event (wrongRole)' })
  allowedRoles: string[];

  @Field(() => [String], { description: 'States the event is allowed in (wrongState)' })
  allowedStates: string[];

  static fromError(error: PingyiError): TransitionRefusedError {
    const details = error.details ?? {};
    const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
    return Object.assign(new TransitionRefusedError(), {
      errorCode: TransitionRefusedError.errorCode,
      message: error.message,
      path: error.path ?? null,
      reason: (details.reason as RefusalReason | undefined) ?? 'invalidField',
      event: typeof details.event === 'string' ? details.event : null,
      field: typeof details.field === 'string' ? details.field : null,
      allowedRoles: list(details.allowedRoles),
      allowedStates: list(details.allowedStates),
    });
  }
}

/**
 * `ALREADY_OPENED`: the source (an inspection finding) already has a live
 * rectification item; the refusal names it, so the caller opens that one.
 */
@ObjectType('AlreadyOpenedError', { implements: () => [ErrorResultBase] })
export class AlreadyOpenedError extends ErrorResultBase {
  static readonly errorCode = 'ALREADY_OPENED';

  @Field(() => ID, { description: 'The item already opened from the source' })
  itemId: string;

  @Field(() => String)
  itemTitle: string;

  @Field(() => String, { description: "Its responsible unit's code" })
  unitCode: string;

  @Field(() => String, { description: "Its responsible unit's name (the code when the unit has none)" })
  unitName: string;

  static fromError(error: PingyiError): AlreadyOpenedError {
    const details = error.details ?? {};
    const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value as string));
    return Object.assign(new AlreadyOpenedError(), {
      errorCode: AlreadyOpenedError.errorCode,
      message: error.message,
      path: error.path ?? null,
      itemId: text(details.itemId),
      itemTitle: text(details.itemTitle),
      unitCode: text(details.unitCode),
      unitName: text(details.unitName),
    });
  }
}

/** One bad row of a bulk update or CSV import. */
@ObjectType('RowProblem')
export class RowProblem extends ProblemSentenceFields {
  @Field(() => Int, {
    description: 'CSV: the line number (the header is line 1); bulk update: the position in ids, from 1',
  })
  row: number;

  @Field(() => ID, { nullable: true })
  itemId: string | null;

  @Field(() => String, { nullable: true, description: 'The column or payload field at fault' })
  field: string | null;

  @Field(() => String, { description: 'TRANSITION_REFUSED, PHASE_CLOSED, NOT_FOUND, INVALID_ARGUMENT...' })
  errorCode: string;

  @Field(() => RefusalReasonEnum, { nullable: true, description: 'For TRANSITION_REFUSED: why' })
  reason: RefusalReason | null;

  @Field(() => String)
  message: string;
}

/** `BATCH_REJECTED`: nothing was changed; `rows` lists every bad row with its field and reason. */
@ObjectType('BatchRejectedError', { implements: () => [ErrorResultBase] })
export class BatchRejectedError extends ErrorResultBase {
  static readonly errorCode = 'BATCH_REJECTED';

  @Field(() => [RowProblem])
  rows: RowProblem[];

  static fromError(error: PingyiError): BatchRejectedError {
    const rows = Array.isArray(error.details?.rows) ? (error.details.rows as RowProblem[]) : [];
    return Object.assign(new BatchRejectedError(), {
      errorCode: BatchRejectedError.errorCode,
      message: error.message,
      path: error.path ?? null,
      rows,
    });
  }
}
