import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PhaseClosedError } from '../../campaign/campaign.errors';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { ProblemSentenceFields } from '../../common/problem-result';
import { UnknownLevelError } from '../../ballot-casting/ballot-casting.errors';
import { PaperBatch } from '../../paper-ballot/paper-batch.entity';
import { BatchNotOpenError } from '../../paper-ballot/paper-ballot.errors';
import { ScanReviewPendingError } from '../paper-scan.errors';

/** Why a row of a scanned sheet waits for a person. */
export enum ScanReviewReason {
  double = 'double',
  faint = 'faint',
  erasure = 'erasure',
}
registerEnumType(ScanReviewReason, {
  name: 'ScanReviewReason',
  description: 'double (two marks), faint (a mark too light to trust), erasure (a mark crossed or rubbed out)',
});

@ObjectType('ScanProblem', { description: 'A scanned file or page that could not be counted, and why' })
export class ScanProblem extends ProblemSentenceFields {
  @Field(() => String, { description: 'The uploaded file' })
  file: string;

  @Field(() => Int, { nullable: true, description: 'Its page (1-based); null for the file as a whole' })
  page: number | null;

  @Field(() => String, {
    description:
      'SCAN_UNREADABLE_LABEL, SCAN_OTHER_CAMPAIGN, SCAN_NOT_A_SHEET, SCAN_NO_REGISTRATION_MARKS, SCAN_IMAGE_TOO_SMALL, SCAN_UNKNOWN_SERIAL, SCAN_GROUP_MISMATCH, SCAN_DUPLICATE_SHEET, SCAN_CORRUPT_FILE, SCAN_UNSUPPORTED_FORMAT, SCAN_TOO_LARGE or SCAN_TOO_MANY_PAGES',
  })
  code: string;

  @Field(() => String, { nullable: true, description: 'The sheet serial, when the label was read' })
  serial: string | null;

  // every scan problem names its sentence, so the pair is non-null here
  @Field(() => String, { description: 'Key of the sentence in the shared message catalog' })
  declare messageKey: string;

  @Field(() => String, { description: 'The sentence parameters as a JSON object' })
  declare messageParamsJson: string;
}

@ObjectType('ScanProgress', { description: "A scanned batch's files, pages, sheets and what waits for a person" })
export class ScanProgress {
  @Field(() => Boolean, { description: 'A file is still being read' })
  reading: boolean;

  @Field(() => Int)
  files: number;

  @Field(() => Int, { description: 'Pages read, blank and refused ones included' })
  pages: number;

  @Field(() => Int, { description: 'Appraisal sheets recognised (by serial)' })
  sheets: number;

  @Field(() => Int, { description: 'Doubtful rows not yet decided' })
  reviewPending: number;

  @Field(() => Int)
  reviewDecided: number;

  @Field(() => Int, { description: 'Written opinion boxes not yet transcribed' })
  opinionsPending: number;

  @Field(() => Int)
  opinionsTranscribed: number;

  @Field(() => [ScanProblem])
  problems: ScanProblem[];
}

@ObjectType('ScanReviewRow', { description: 'A doubtful row of a scanned appraisal sheet' })
export class ScanReviewRow {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The sheet serial (names the paper, not a person)' })
  serial: string;

  @Field(() => Int)
  page: number;

  @Field(() => String)
  groupLabel: string;

  @Field(() => String)
  unitName: string;

  @Field(() => ScanReviewReason)
  reason: string;

  @Field(() => String, { nullable: true, description: "The reader's best guess: a level code" })
  candidateLevel: string | null;

  @Field(() => Boolean)
  decided: boolean;

  @Field(() => String, { nullable: true, description: 'The level decided; null with decided is blank (abstention)' })
  decidedLevel: string | null;

  @Field(() => String, { description: 'The crop of the scan, PNG (GET with the bearer token)' })
  cropUrl: string;
}

@ObjectType('ScanOpinionBox', { description: 'A written box of a scanned opinion form, to transcribe' })
export class ScanOpinionBox {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  serial: string;

  @Field(() => String)
  unitName: string;

  @Field(() => Boolean)
  transcribed: boolean;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => String, { description: 'The crop of the handwriting, PNG (GET with the bearer token)' })
  cropUrl: string;
}

export const DecideScanRowResult = defineResultUnion('DecideScanRowResult', ScanReviewRow, [
  NotFoundError,
  BatchNotOpenError,
  UnknownLevelError,
]);
export const TranscribeScanOpinionResult = defineResultUnion('TranscribeScanOpinionResult', ScanOpinionBox, [
  NotFoundError,
  BatchNotOpenError,
]);
export const ImportScannedBatchResult = defineResultUnion('ImportScannedBatchResult', PaperBatch, [
  NotFoundError,
  PhaseClosedError,
  BatchNotOpenError,
  ScanReviewPendingError,
]);
export const DiscardScansResult = defineResultUnion('DiscardScansResult', PaperBatch, [
  NotFoundError,
  BatchNotOpenError,
]);
