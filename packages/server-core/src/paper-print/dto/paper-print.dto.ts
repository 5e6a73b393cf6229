import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { DocumentTooLargeError } from '../paper-print.errors';
import { PrintRun, PrintSheetKind } from '../print-run.entity';

@InputType('CreatePrintRunInput')
export class CreatePrintRunInput {
  @Field(() => ID)
  campaignId: string;

  @Field(() => String, { description: 'The evaluator group the sheets are for' })
  groupCode: string;

  @Field(() => PrintSheetKind)
  kind: PrintSheetKind;

  @Field(() => Int, { description: 'Sheets to print, 1 to 5000 (more: DocumentTooLargeError)' })
  sheets: number;
}

export const CreatePrintRunResult = defineResultUnion('CreatePrintRunResult', PrintRun, [
  NotFoundError,
  DocumentTooLargeError,
]);
