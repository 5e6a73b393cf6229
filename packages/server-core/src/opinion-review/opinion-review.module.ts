import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Opinion } from '../appraisal/opinion.entity';
import { CampaignModule } from '../campaign/campaign.module';
import { Unit } from '../organization/unit.entity';
import { OpinionProblemMember } from './opinion-problem-member.entity';
import { OpinionProblem } from './opinion-problem.entity';
import { OpinionReviewResolver } from './opinion-review.resolver';
import { OpinionReviewService } from './opinion-review.service';

/** Reviewing opinions in bulk and merging them into problems for rectification. */
@Module({
  imports: [TypeOrmModule.forFeature([Opinion, OpinionProblem, OpinionProblemMember, Unit]), CampaignModule],
  providers: [OpinionReviewService, OpinionReviewResolver],
  exports: [OpinionReviewService],
})
export class OpinionReviewModule {}
