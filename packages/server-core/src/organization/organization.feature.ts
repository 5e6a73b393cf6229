import { definePingyiFeature } from '../common/pingyi-feature';
import { AppraisalOfficeMember } from './appraisal-office-member.entity';
import { LeadingGroupMember } from './leading-group-member.entity';
import { CreateOrganization1795602400000 } from './migrations/1795602400000-create-organization.migration';
import { AddUnitSeries1796400000001 } from './migrations/1796400000001-add-unit-series.migration';
import { OrganizationModule } from './organization.module';
import { Unit } from './unit.entity';
import { UnitPlan } from './unit-plan.entity';

export const organizationFeature = definePingyiFeature({
  name: 'organization',
  module: OrganizationModule,
  entities: [Unit, LeadingGroupMember, AppraisalOfficeMember, UnitPlan],
  migrations: [CreateOrganization1795602400000, AddUnitSeries1796400000001],
});
