import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxEntry } from './inbox-entry.entity';
import { InboxRead } from './inbox-read.entity';
import { InboxResolver } from './inbox.resolver';
import { InboxService } from './inbox.service';

/** The in-app inbox: notifications, written by other modules through `notify()`, and read marks. */
@Module({
  imports: [TypeOrmModule.forFeature([InboxEntry, InboxRead])],
  providers: [InboxService, InboxResolver],
  exports: [InboxService],
})
export class InboxModule {}
