import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Rating } from '../appraisal/rating.entity';
import { CampaignModule } from '../campaign/campaign.module';
import { OrganizationModule } from '../organization/organization.module';
import { ComparisonService } from './comparison.service';
import { PublicationService } from './publication.service';
import { ResultSnapshot } from './result-snapshot.entity';
import { ResultsResolver } from './results.resolver';
import { StandingsService } from './standings.service';
import { TallyService } from './tally.service';

/** Tally, standings, breakdown, publishing and comparison. */
@Module({
  imports: [TypeOrmModule.forFeature([ResultSnapshot, Rating]), CampaignModule, OrganizationModule],
  providers: [TallyService, StandingsService, PublicationService, ComparisonService, ResultsResolver],
  exports: [StandingsService, PublicationService],
})
export class ResultsModule {}
