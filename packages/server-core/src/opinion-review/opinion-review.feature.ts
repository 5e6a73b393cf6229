import { definePingyiFeature } from '../common/pingyi-feature';
import { CreateOpinionReview1795603400000 } from './migrations/1795603400000-create-opinion-review.migration';
import { CreateOpinionTag1796200000000 } from './migrations/1796200000000-create-opinion-tag.migration';
import { OpinionTag } from './opinion-tag.entity';
import { OpinionProblemMember } from './opinion-problem-member.entity';
import { OpinionProblem } from './opinion-problem.entity';
import { OpinionReviewModule } from './opinion-review.module';

export const opinionReviewFeature = definePingyiFeature({
  name: 'opinion-review',
  module: OpinionReviewModule,
  entities: [OpinionProblem, OpinionProblemMember, OpinionTag],
  migrations: [CreateOpinionReview1795603400000, CreateOpinionTag1796200000000],
});
