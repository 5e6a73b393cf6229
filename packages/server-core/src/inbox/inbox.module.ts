import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RectificationModule } from '../rectification/rectification.module';
import { InboxEntry } from './inbox-entry.entity';
import { InboxRead } from './inbox-read.entity';
import { InboxResolver } from './inbox.resolver';
import { InboxService } from './inbox.service';

/** The in-app inbox: notifications and the alerts each user should act on. */
@Module({
  imports: [TypeOrmModule.forFeature([InboxEntry, InboxRead]), RectificationModule],
  providers: [InboxService, InboxResolver],
  exports: [InboxService],
})
export class InboxModule {}
