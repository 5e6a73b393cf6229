import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PhaseClosedError } from '../../campaign/campaign.errors';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { ProblemSentenceFields } from '../../common/problem-result';
import { PaperBatch, PaperBatchState } from '../paper-batch.entity';
import { BatchNotOpenError, KeyingsDifferError, PaperBatchCodeTakenError } from '../paper-ballot.errors';
import { CodeAndLabel } from '../../common/code-and-label';

@ObjectType('FileLimit', { description: 'A limit a file passed while it was read' })
export class FileLimitType {
  @Field(() => String, {
    description:
      'Which limit: zipEntryBytes, zipTotalBytes, zipRatio, sharedStrings, sharedStringsTextBytes, xmlTextBytes, rows, cellsPerRow…',
  })
  limit: string;

  @Field(() => Float, { description: 'Its value (bytes, count or ratio)' })
  max: number;

  @Field(() => String, { description: 'Where it was passed: the part, row or line ("xl/worksheets/sheet1.xml row 7")' })
  where: string;
}

@ObjectType('RepeatedBatch', { description: 'The batch whose sheets a keying repeats' })
export class RepeatedBatchType {
  @Field(() => ID)
  batchId: string;

  @Field(() => String)
  batchCode: string;
}

@ObjectType('SheetProblem', { description: 'A bad row or cell of a keyed file' })
export class SheetProblemType extends ProblemSentenceFields {
  @Field(() => String, {
    nullable: true,
    description: 'For the file as a whole: MALFORMED_FILE, FILE_LIMIT_EXCEEDED or REPEATED_BATCH',
  })
  code?: string | null;

  @Field(() => FileLimitType, { nullable: true, description: 'The limit passed (FILE_LIMIT_EXCEEDED)' })
  limit?: FileLimitType | null;

  @Field(() => RepeatedBatchType, { nullable: true, description: 'The batch repeated (REPEATED_BATCH)' })
  repeats?: RepeatedBatchType | null;

  @Field(() => Int, { description: 'Line (CSV) or row (XLSX) in the file; 0 for the file as a whole' })
  line: number;

  @Field(() => String, { nullable: true, description: 'Column letter and header, e.g. "C 交警支队"' })
  column: string | null;

  @Field(() => String, { nullable: true, description: 'The cell as keyed in (cut to 40 characters)' })
  value: string | null;

  @Field(() => String, { description: 'Why, in English' })
  reason: string;
}

@ObjectType('KeyingMismatch', { description: 'A difference between the two keyings of a batch' })
export class KeyingMismatchType {
  @Field(() => Int, { description: 'Ballot row of the first keying (1-based; 0 when the row is only in the second)' })
  row: number;

  @Field(() => Int)
  lineFirst: number;

  @Field(() => Int)
  lineSecond: number;

  @Field(() => String, { nullable: true })
  sheetNumber: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Unit code; null when the evaluator group differs or a row is missing',
  })
  unit: string | null;

  @Field(() => String, { description: "Level code, '' (blank), '?' (unreadable), group code, or (missing)" })
  first: string;

  @Field(() => String)
  second: string;
}

@ObjectType('PaperKeyingComparison')
export class PaperKeyingComparison {
  @Field(() => [KeyingMismatchType], { description: 'Every mismatch (the first 5,000)' })
  mismatches: KeyingMismatchType[];

  @Field(() => Int)
  total: number;

  @Field(() => Boolean, { description: 'Rows could not be paired (a sheet skipped or added): key again' })
  rowsUnpaired: boolean;
}

@InputType('KeyingResolutionInput', { description: 'What the paper sheet really says where the two keyings differ' })
export class KeyingResolutionInput {
  @Field(() => Int, { description: 'Ballot row of the first keying (1-based)' })
  row: number;

  @Field(() => String, { nullable: true, description: 'Unit code; null to settle the evaluator group' })
  unit?: string | null;

  @Field(() => String, { description: "Level code, '' (blank), '?' (unreadable), or a group code" })
  value: string;
}

@ObjectType('PaperReconciliationGroup', {
  description: 'Paper ballots of one evaluator group, as published practice reconciles them',
})
export class PaperReconciliationGroup extends CodeAndLabel {
  @Field(() => Int, { nullable: true, description: 'Sheets handed out (entered by the office)' })
  slipsIssued: number | null;

  @Field(() => Int, { description: 'Appraisal sheets printed by Pingyi for the group (print runs)' })
  printed: number;

  @Field(() => Int, { description: 'Printed sheets recognised in scans (each serial once)' })
  scanned: number;

  @Field(() => Int, { description: 'valid + spoilt' })
  returned: number;

  @Field(() => Int, { description: 'Paper ballots imported' })
  valid: number;

  @Field(() => Int, {
    description: 'Spoilt: counted by imports (all blank or unreadable) plus those entered by the office',
  })
  spoilt: number;

  @Field(() => Int)
  spoiltNotKeyed: number;

  @Field(() => Boolean, { description: 'More returned than issued: check the count' })
  overIssued: boolean;
}

@ObjectType('PaperReconciliation')
export class PaperReconciliation {
  @Field(() => [PaperReconciliationGroup])
  groups: PaperReconciliationGroup[];

  @Field(() => Boolean, { description: 'Some group returned more sheets than it was issued' })
  flagged: boolean;
}

@ObjectType()
export class PaperBatchList extends PaginatedList(PaperBatch) {}

@InputType()
export class PaperBatchFilter {
  @Field(() => PaperBatchState, { nullable: true })
  state?: PaperBatchState | null;
}

export const CreatePaperBatchResult = defineResultUnion('CreatePaperBatchResult', PaperBatch, [
  NotFoundError,
  PhaseClosedError,
  PaperBatchCodeTakenError,
]);
export const AcceptPaperBatchResult = defineResultUnion('AcceptPaperBatchResult', PaperBatch, [
  NotFoundError,
  PhaseClosedError,
  BatchNotOpenError,
  KeyingsDifferError,
]);
export const WithdrawPaperBatchResult = defineResultUnion('WithdrawPaperBatchResult', PaperBatch, [
  NotFoundError,
  PhaseClosedError,
  BatchNotOpenError,
]);
export const SetPaperReconciliationResult = defineResultUnion('SetPaperReconciliationResult', PaperReconciliation, [
  NotFoundError,
]);
