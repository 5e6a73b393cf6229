import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignModule } from '../campaign/campaign.module';
import { AccessCode } from './access-code.entity';
import { AccessCodeBatch } from './access-code-batch.entity';
import { AccessCodeResolver } from './access-code.resolver';
import { AccessCodeService } from './access-code.service';

/** 评议码: issuing in batches within quotas, keyed hashes, revocation, counts. */
@Module({
  imports: [TypeOrmModule.forFeature([AccessCode, AccessCodeBatch]), CampaignModule],
  providers: [AccessCodeService, AccessCodeResolver],
  exports: [AccessCodeService],
})
export class AccessCodeModule {}
