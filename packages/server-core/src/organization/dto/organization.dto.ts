import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { InUseError, InvalidUnitTreeError, PhaseClosedError, UnknownUnitError } from '../../campaign/campaign.errors';
import { AppraisalOfficeMember } from '../appraisal-office-member.entity';
import { LeadingGroupMember } from '../leading-group-member.entity';
import { Unit } from '../unit.entity';
import { UnitPlan } from '../unit-plan.entity';

@InputType({ description: 'A unit; the list given to setUnits is the whole tree' })
export class UnitInput {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  parentCode?: string | null;

  @Field(() => Boolean)
  appraised: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'A series code of the campaign (序列/类别); null or "" for none; left out: kept as it is',
  })
  seriesCode?: string | null;
}

@InputType()
export class LeadingGroupSeatInput {
  @Field(() => String, { description: 'leader, deputyLeader or member' })
  role: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String)
  position: string;
}

@InputType({ description: 'The whole leading group: exactly one leader (组长)' })
export class LeadingGroupInput {
  @Field(() => [LeadingGroupSeatInput])
  seats: LeadingGroupSeatInput[];
}

@InputType()
export class AppraisalOfficeMemberInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  position?: string | null;

  @Field(() => String, { nullable: true })
  duty?: string | null;
}

@InputType()
export class FileUnitPlanInput {
  @Field(() => String, { description: 'A liaison files for their own unit only' })
  unitCode: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  body: string;
}

@ObjectType()
export class UnitList {
  @Field(() => [Unit])
  items: Unit[];
}

@ObjectType()
export class LeadingGroup {
  @Field(() => [LeadingGroupMember])
  seats: LeadingGroupMember[];
}

@ObjectType()
export class AppraisalOffice {
  @Field(() => [AppraisalOfficeMember])
  members: AppraisalOfficeMember[];

  @Field(() => Int)
  size: number;
}

export const SetUnitsResult = defineResultUnion('SetUnitsResult', UnitList, [
  NotFoundError,
  InvalidUnitTreeError,
  InUseError,
]);
export const SetLeadingGroupResult = defineResultUnion('SetLeadingGroupResult', LeadingGroup, [NotFoundError]);
export const SetAppraisalOfficeResult = defineResultUnion('SetAppraisalOfficeResult', AppraisalOffice, [NotFoundError]);
export const FileUnitPlanResult = defineResultUnion('FileUnitPlanResult', UnitPlan, [
  NotFoundError,
  UnknownUnitError,
  PhaseClosedError,
]);
