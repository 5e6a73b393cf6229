import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RectificationModule } from '../rectification/rectification.module';
import { AttachmentController } from './attachment.controller';
import { Attachment } from './attachment.entity';
import { AttachmentService } from './attachment.service';
import { ItemAttachmentsResolver } from './item-attachments.resolver';

/** Evidence files of rectification items: stored on disk by SHA-256, metadata in the database. */
@Module({
  imports: [TypeOrmModule.forFeature([Attachment]), RectificationModule],
  providers: [AttachmentService, ItemAttachmentsResolver],
  controllers: [AttachmentController],
  exports: [AttachmentService],
})
export class AttachmentModule {}
