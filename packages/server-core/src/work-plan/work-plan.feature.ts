import { definePingyiFeature } from '../common/pingyi-feature';
import { CreateWorkPlan1795602500000 } from './migrations/1795602500000-create-work-plan.migration';
import { Theme } from './theme.entity';
import { WorkPlanModule } from './work-plan.module';
import { WorkItem } from './work-item.entity';
import { WorkItemLeadUnit } from './work-item-lead-unit.entity';
import { WorkItemUpdate } from './work-item-update.entity';

export const workPlanFeature = definePingyiFeature({
  name: 'work-plan',
  module: WorkPlanModule,
  entities: [Theme, WorkItem, WorkItemLeadUnit, WorkItemUpdate],
  migrations: [CreateWorkPlan1795602500000],
});
