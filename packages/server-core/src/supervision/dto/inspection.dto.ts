import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { PhaseClosedError, UnknownUnitError } from '../../rectification/rectification.errors';
import { InspectionFinding } from '../inspection-finding.entity';
import { Inspection } from '../inspection.entity';
import { type InspectionKind, InspectionKindEnum } from '../supervision-enums';

@InputType()
export class InspectionFindingInput {
  @Field(() => String, { description: "One of the inspection's focus areas" })
  focusArea: string;

  @Field(() => String, { description: '1-5,000 characters' })
  text: string;
}

@InputType()
export class RecordInspectionInput {
  @Field(() => ID)
  campaignId: string;

  @Field(() => InspectionKindEnum)
  kind: InspectionKind;

  @Field(() => String, { description: 'Local date of the check, not after today' })
  date: string;

  @Field(() => String)
  unitCode: string;

  @Field(() => [String], {
    description: 'Focus area codes: safety, lawEnforcementQuality, serviceAttitude, efficiency, conduct',
  })
  focusAreas: string[];

  @Field(() => String)
  summary: string;

  @Field(() => String, { nullable: true })
  inspectors?: string | null;

  @Field(() => [InspectionFindingInput], { nullable: true })
  findings?: InspectionFindingInput[] | null;
}

@InputType()
export class InspectionFilter {
  @Field(() => String, { nullable: true })
  unitCode?: string | null;

  @Field(() => InspectionKindEnum, { nullable: true })
  kind?: InspectionKind | null;

  @Field(() => String, { nullable: true, description: 'Inspections covering this focus area' })
  focusArea?: string | null;
}

/** Opening a rectification item from a finding: defaults come from the finding and its inspection. */
@InputType()
export class OpenItemFromFindingInput {
  @Field(() => String, { nullable: true, description: 'Default: the first 200 characters of the finding' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Default: the finding' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Default: the inspected unit' })
  unitCode?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Float, { nullable: true })
  weight?: number | null;
}

@ObjectType()
export class InspectionList extends PaginatedList(Inspection) {}

export const InspectionResult = defineResultUnion('InspectionResult', Inspection, [
  NotFoundError,
  PhaseClosedError,
  UnknownUnitError,
]);
export const InspectionFindingResult = defineResultUnion('InspectionFindingResult', InspectionFinding, [
  NotFoundError,
  PhaseClosedError,
  UnknownUnitError,
]);
