import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppraisalModule } from '../appraisal/appraisal.module';
import { CampaignModule } from '../campaign/campaign.module';
import { RectificationModule } from '../rectification/rectification.module';
import { ResultsModule } from '../results/results.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { EvaluatorGroupContact } from './group-contact.entity';
import { GroupContactsResolver } from './group-contacts.resolver';
import { GroupContactsService } from './group-contacts.service';
import { GroupReminder } from './group-reminder.entity';

/** The documents the office issues (通报, 反馈函, 整改报告, 催办通知), evaluator groups' contacts and reminders. */
@Module({
  imports: [
    TypeOrmModule.forFeature([EvaluatorGroupContact, GroupReminder]),
    CampaignModule,
    AppraisalModule,
    ResultsModule,
    RectificationModule,
  ],
  providers: [DocumentsService, GroupContactsService, GroupContactsResolver],
  controllers: [DocumentsController],
  exports: [DocumentsService],
})
export class DocumentsModule {}
