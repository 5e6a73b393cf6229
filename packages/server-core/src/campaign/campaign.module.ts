import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from './campaign.entity';
import { CampaignResolver } from './campaign.resolver';
import { CampaignService } from './campaign.service';
import { EvaluatorGroup } from './evaluator-group.entity';
import { ScoringStrategies } from './scoring-strategies.service';

/** Campaigns, their calendar, plan texts, evaluator groups and scoring policy. */
@Module({
  imports: [TypeOrmModule.forFeature([Campaign, EvaluatorGroup])],
  providers: [ScoringStrategies, CampaignService, CampaignResolver],
  exports: [ScoringStrategies, CampaignService],
})
export class CampaignModule {}
