import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CodeAlreadyUsedError, InvalidCodeError } from '../../access-code/access-code.errors';
import { TooManyAttemptsError } from '../../auth/auth.errors';
import { PhaseClosedError, UnknownUnitError } from '../../campaign/campaign.errors';
import { defineResultUnion } from '../../common/error-result';
import {
  DuplicateUnitError,
  EmptyBallotError,
  InvalidBallotError,
  InvalidOpinionError,
  UnknownLevelError,
} from '../ballot-casting.errors';
import { CodeAndLabel } from '../../common/code-and-label';

@InputType('BallotRatingInput', { description: 'A level for one appraised unit' })
export class BallotRatingInput {
  @Field(() => String, { description: 'Unit code' })
  unit: string;

  @Field(() => String, { description: "Level code of the campaign's scale" })
  level: string;
}

@InputType('BallotOpinionInput', { description: 'A free-text opinion on one appraised unit' })
export class BallotOpinionInput {
  @Field(() => String, { description: 'Unit code' })
  unit: string;

  @Field(() => String, { description: 'At most 2,000 characters' })
  text: string;
}

@InputType('CastBallotInput', { description: 'An anonymous ballot; a unit left out of ratings is an abstention' })
export class CastBallotInput {
  @Field(() => String, { description: 'The access code from the slip, with or without dashes, any case' })
  code: string;

  @Field(() => [BallotRatingInput], { nullable: true })
  ratings?: BallotRatingInput[] | null;

  @Field(() => [BallotOpinionInput], { nullable: true })
  opinions?: BallotOpinionInput[] | null;
}

@ObjectType('BallotReceipt', {
  description:
    'Proof that a ballot was accepted. The receipt number is random and stored nowhere: it cannot be linked to the code or the ballot',
})
export class BallotReceipt {
  @Field(() => String)
  receiptNumber: string;

  @Field(() => String, { description: 'The local day the ballot was cast (YYYY-MM-DD)' })
  castOn: string;

  @Field(() => String)
  campaignName: string;

  @Field(() => Int, { description: 'Units rated' })
  rated: number;

  @Field(() => Int, { description: 'Appraised units left out (abstentions)' })
  abstained: number;

  @Field(() => Int, { description: 'Opinions given' })
  opinions: number;
}

@ObjectType('BallotFormUnit')
export class BallotFormUnit {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;
}

@ObjectType('BallotFormLevel')
export class BallotFormLevel extends CodeAndLabel {
  @Field(() => String, { nullable: true, description: "The label in English, when the campaign's scale gives one" })
  labelEn: string | null;
}

@ObjectType('BallotForm', {
  description: 'What the ballot page needs to show the sheet of a code; nothing else about the campaign',
})
export class BallotForm {
  @Field(() => String)
  campaignName: string;

  @Field(() => String, { description: 'The evaluator group of the code (its label)' })
  groupLabel: string;

  @Field(() => [BallotFormUnit], { description: 'Appraised units, in ballot order' })
  units: BallotFormUnit[];

  @Field(() => [BallotFormLevel], { description: 'The scale, best first' })
  levels: BallotFormLevel[];

  @Field(() => Int, { description: 'Longest opinion, in characters' })
  opinionMaxLength: number;

  @Field(() => String, { description: 'Last day of the appraisal window (YYYY-MM-DD)' })
  closesOn: string;
}

const CODE_ERRORS = [InvalidCodeError, CodeAlreadyUsedError, PhaseClosedError, TooManyAttemptsError];
export const CastBallotResult = defineResultUnion('CastBallotResult', BallotReceipt, [
  ...CODE_ERRORS,
  UnknownUnitError,
  UnknownLevelError,
  DuplicateUnitError,
  InvalidOpinionError,
  EmptyBallotError,
  InvalidBallotError,
]);
export const BallotFormResult = defineResultUnion('BallotFormResult', BallotForm, CODE_ERRORS);
