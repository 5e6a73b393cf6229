import { Module } from '@nestjs/common';
import { AppraisalModule } from '../appraisal/appraisal.module';
import { AuthModule } from '../auth/auth.module';
import { BulletinModule } from '../bulletin/bulletin.module';
import { BureauModule } from '../bureau/bureau.module';
import { CampaignModule } from '../campaign/campaign.module';
import { OrganizationModule } from '../organization/organization.module';
import { ResultsModule } from '../results/results.module';
import { WorkPlanModule } from '../work-plan/work-plan.module';
import { DemoLoaderService } from './demo-loader.service';
import { DemoService } from './demo.service';

/** The demo campaign loaded on first start (PINGYI_DEMO, on by default). */
@Module({
  imports: [
    BureauModule,
    AuthModule,
    CampaignModule,
    OrganizationModule,
    WorkPlanModule,
    BulletinModule,
    AppraisalModule,
    ResultsModule,
  ],
  providers: [DemoLoaderService, DemoService],
})
export class DemoModule {}
