import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BallotCastingModule } from '../ballot-casting/ballot-casting.module';
import { CampaignModule } from '../campaign/campaign.module';
import { PaperBallotController } from './paper-ballot.controller';
import { PaperBallotResolver, PaperKeyingResolver } from './paper-ballot.resolver';
import { PaperBatch } from './paper-batch.entity';
import { PaperBatchService } from './paper-batch.service';
import { PaperWithdrawalService } from './paper-withdrawal.service';
import { PaperImportService } from './paper-import.service';
import { PaperKeying } from './paper-keying.entity';
import { PaperReconciliationEntry } from './paper-reconciliation.entity';
import { PaperReconciliationService } from './paper-reconciliation.service';

/** Paper ballots: keyed files (CSV, XLSX) imported all or nothing, double keying, reconciliation. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PaperBatch, PaperKeying, PaperReconciliationEntry]),
    CampaignModule,
    BallotCastingModule,
  ],
  controllers: [PaperBallotController],
  providers: [
    PaperImportService,
    PaperBatchService,
    PaperReconciliationService,
    PaperWithdrawalService,
    PaperBallotResolver,
    PaperKeyingResolver,
  ],
  exports: [PaperReconciliationService, PaperBatchService, PaperImportService],
})
export class PaperBallotModule {}
