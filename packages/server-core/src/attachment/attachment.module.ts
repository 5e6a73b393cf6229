import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RectificationModule } from '../rectification/rectification.module';
import { Attachment } from './attachment.entity';

/** Evidence files of rectification items: stored on disk by SHA-256, metadata in the database. */
@Module({
  imports: [TypeOrmModule.forFeature([Attachment]), RectificationModule],
  providers: [],
})
export class AttachmentModule {}
