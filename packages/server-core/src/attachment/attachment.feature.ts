import { definePingyiFeature } from '../common/pingyi-feature';
import { Attachment } from './attachment.entity';
import { AttachmentModule } from './attachment.module';
import { CreateAttachment1795602642100 } from './migrations/1795602642100-create-attachment.migration';

export const attachmentFeature = definePingyiFeature({
  name: 'attachment',
  module: AttachmentModule,
  entities: [Attachment],
  migrations: [CreateAttachment1795602642100],
});
