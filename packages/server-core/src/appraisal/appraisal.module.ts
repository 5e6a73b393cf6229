import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignModule } from '../campaign/campaign.module';
import { AppraisalResolver } from './appraisal.resolver';
import { Ballot } from './ballot.entity';
import { BallotStorageService } from './ballot-storage.service';
import { Opinion } from './opinion.entity';
import { OpinionService } from './opinion.service';
import { ParticipationService } from './participation.service';
import { Rating } from './rating.entity';

/** Storage of anonymous ballots, ratings and opinions; participation; opinion review. */
@Module({
  imports: [TypeOrmModule.forFeature([Ballot, Rating, Opinion]), CampaignModule],
  providers: [BallotStorageService, OpinionService, ParticipationService, AppraisalResolver],
  exports: [BallotStorageService, ParticipationService],
})
export class AppraisalModule {}
