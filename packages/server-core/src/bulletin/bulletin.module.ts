import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignModule } from '../campaign/campaign.module';
import { Bulletin } from './bulletin.entity';
import { BulletinResolver } from './bulletin.resolver';
import { BulletinService } from './bulletin.service';

/** Bulletins (工作信息) to the city appraisal office. */
@Module({
  imports: [TypeOrmModule.forFeature([Bulletin]), CampaignModule],
  providers: [BulletinService, BulletinResolver],
  exports: [BulletinService],
})
export class BulletinModule {}
