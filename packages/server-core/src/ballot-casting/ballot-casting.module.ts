import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessCodeModule } from '../access-code/access-code.module';
import { Transactions } from '../database/transactions';
import { Campaign } from '../campaign/campaign.entity';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { Unit } from '../organization/unit.entity';
import { BallotCastingResolver } from './ballot-casting.resolver';
import { BallotCastingService } from './ballot-casting.service';
import { CampaignBallotRulesService } from './campaign-ballot-rules.service';
import { DatabaseGuessStore, GUESS_STORE, RedisGuessStore } from './code-guess-store';
import { CodeGuessThrottle } from './code-guess-throttle.service';
import { CodeGuessCounter } from './code-guess-counter.entity';

/** Casting ballots online with an access code: the public ballot API and its guess throttle. */
@Module({
  imports: [TypeOrmModule.forFeature([Campaign, Unit, CodeGuessCounter]), AccessCodeModule],
  providers: [
    {
      provide: GUESS_STORE,
      inject: [PINGYI_CONFIG, DataSource],
      useFactory: (config: PingyiConfig, dataSource: DataSource) =>
        config.redisUrl ? new RedisGuessStore(config.redisUrl) : new DatabaseGuessStore(new Transactions(dataSource)),
    },
    CodeGuessThrottle,
    CampaignBallotRulesService,
    BallotCastingService,
    BallotCastingResolver,
  ],
  exports: [CampaignBallotRulesService],
})
export class BallotCastingModule {}
