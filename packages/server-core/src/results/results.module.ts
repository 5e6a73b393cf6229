import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Rating } from '../appraisal/rating.entity';
import { Campaign } from '../campaign/campaign.entity';
import { CampaignModule } from '../campaign/campaign.module';
import { AccessCodeModule } from '../access-code/access-code.module';
import { AppraisalModule } from '../appraisal/appraisal.module';
import { PaperBallotModule } from '../paper-ballot/paper-ballot.module';
import { OrganizationModule } from '../organization/organization.module';
import { ComparisonService } from './comparison.service';
import { PublicationService } from './publication.service';
import { ResultSnapshot } from './result-snapshot.entity';
import { ResultsResolver } from './results.resolver';
import { StandingsService } from './standings.service';
import { StrategyProvenanceResolver } from './strategy-provenance.resolver';
import { CampaignStandingsFieldsResolver, UnitStandingFieldsResolver } from './standing-fields.resolver';
import { TallyService } from './tally.service';
import { TrendService } from './trend.service';

/** Tally, standings, breakdown, publishing, comparison and a unit's trend. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ResultSnapshot, Rating, Campaign]),
    CampaignModule,
    OrganizationModule,
    AppraisalModule,
    AccessCodeModule,
    PaperBallotModule,
  ],
  providers: [
    TallyService,
    StandingsService,
    PublicationService,
    ComparisonService,
    TrendService,
    ResultsResolver,
    CampaignStandingsFieldsResolver,
    UnitStandingFieldsResolver,
    StrategyProvenanceResolver,
  ],
  exports: [StandingsService, PublicationService, ComparisonService],
})
export class ResultsModule {}
