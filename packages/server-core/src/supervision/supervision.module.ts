import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RectificationModule } from '../rectification/rectification.module';
import { AccountabilityRecord } from './accountability-record.entity';
import { CriticismNotice } from './criticism-notice.entity';
import { InspectionFinding } from './inspection-finding.entity';
import { Inspection } from './inspection.entity';
import { InspectionService } from './inspection.service';
import { NoticeService } from './notice.service';
import { PolicyAction } from './policy-action.entity';
import { PolicyActionService } from './policy-action.service';
import { SupervisionResolver } from './supervision.resolver';

/** Supervision: policy actions (建章立制), inspections (明查暗访), notices (通报批评), accountability (责任追究). */
@Module({
  imports: [
    TypeOrmModule.forFeature([PolicyAction, Inspection, InspectionFinding, CriticismNotice, AccountabilityRecord]),
    RectificationModule,
  ],
  providers: [PolicyActionService, InspectionService, NoticeService, SupervisionResolver],
  exports: [PolicyActionService, InspectionService, NoticeService],
})
export class SupervisionModule {}
