import { definePingyiFeature } from '../common/pingyi-feature';
import { InboxEntry } from './inbox-entry.entity';
import { InboxModule } from './inbox.module';
import { InboxRead } from './inbox-read.entity';
import { AddInboxMessageKey1796500000000 } from './migrations/1796500000000-add-inbox-message-key.migration';
import { CreateInbox1795602642000 } from './migrations/1795602642000-create-inbox.migration';

export const inboxFeature = definePingyiFeature({
  name: 'inbox',
  module: InboxModule,
  entities: [InboxEntry, InboxRead],
  migrations: [CreateInbox1795602642000, AddInboxMessageKey1796500000000],
});
