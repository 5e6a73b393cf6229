import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Opinion } from '../appraisal/opinion.entity';
import { CampaignModule } from '../campaign/campaign.module';
import { Unit } from '../organization/unit.entity';
import { OpinionProblemMember } from './opinion-problem-member.entity';
import { OpinionProblem } from './opinion-problem.entity';
import { OpinionReviewResolver } from './opinion-review.resolver';
import { OpinionReviewService } from './opinion-review.service';
import { OpinionTag } from './opinion-tag.entity';
import { OpinionTagsResolver } from './opinion-tags.resolver';
import { OpinionTagsService } from './opinion-tags.service';

/** Reviewing opinions in bulk, tagging them, and merging them into problems for rectification. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Opinion, OpinionProblem, OpinionProblemMember, OpinionTag, Unit]),
    CampaignModule,
  ],
  providers: [OpinionReviewService, OpinionReviewResolver, OpinionTagsService, OpinionTagsResolver],
  exports: [OpinionReviewService],
})
export class OpinionReviewModule {}
