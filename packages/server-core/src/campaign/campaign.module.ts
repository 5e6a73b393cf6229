import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from './campaign.entity';
import { CampaignResolver } from './campaign.resolver';
import { CampaignChangeFeed } from './campaign-change-feed';
import { CampaignService } from './campaign.service';
import { EvaluatorGroup } from './evaluator-group.entity';
import { ScoringStrategies } from './scoring-strategies.service';

/** Campaigns, their calendar, plan texts, evaluator groups and scoring policy. */
@Module({
  imports: [TypeOrmModule.forFeature([Campaign, EvaluatorGroup])],
  providers: [ScoringStrategies, CampaignChangeFeed, CampaignService, CampaignResolver],
  exports: [ScoringStrategies, CampaignChangeFeed, CampaignService],
})
export class CampaignModule {}
