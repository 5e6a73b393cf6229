import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessCodeModule } from '../access-code/access-code.module';
import { Campaign } from '../campaign/campaign.entity';
import { CampaignModule } from '../campaign/campaign.module';
import { Unit } from '../organization/unit.entity';
import { BallotCastingResolver } from './ballot-casting.resolver';
import { BallotCastingService } from './ballot-casting.service';
import { CampaignBallotRulesService } from './campaign-ballot-rules.service';
import { CodeGuessThrottle } from './code-guess-throttle.service';

/** Casting ballots online with an access code: the public ballot API and its guess throttle. */
@Module({
  imports: [TypeOrmModule.forFeature([Campaign, Unit]), CampaignModule, AccessCodeModule],
  providers: [CodeGuessThrottle, CampaignBallotRulesService, BallotCastingService, BallotCastingResolver],
  exports: [CampaignBallotRulesService],
})
export class BallotCastingModule {}
