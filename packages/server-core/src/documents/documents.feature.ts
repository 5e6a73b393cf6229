import { definePingyiFeature } from '../common/pingyi-feature';
import { DocumentsModule } from './documents.module';
import { EvaluatorGroupContact } from './group-contact.entity';
import { GroupReminder } from './group-reminder.entity';
import { CreateGroupContacts1796400000010 } from './migrations/1796400000010-create-group-contacts.migration';

export const documentsFeature = definePingyiFeature({
  name: 'documents',
  module: DocumentsModule,
  entities: [EvaluatorGroupContact, GroupReminder],
  migrations: [CreateGroupContacts1796400000010],
});
