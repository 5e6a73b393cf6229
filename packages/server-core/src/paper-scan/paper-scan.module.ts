import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BallotCastingModule } from '../ballot-casting/ballot-casting.module';
import { CampaignModule } from '../campaign/campaign.module';
import { PaperBallotModule } from '../paper-ballot/paper-ballot.module';
import { PaperPrintModule } from '../paper-print/paper-print.module';
import { PaperScanController } from './paper-scan.controller';
import { PaperScanResolver } from './paper-scan.resolver';
import { ScanBatchService } from './scan-batch.service';
import { ScanImportService } from './scan-import.service';
import { ScanPage } from './scan-page.entity';
import { ScanReadingService } from './scan-reading.service';
import { ScanReview } from './scan-review.entity';
import { ScanUpload } from './scan-upload.entity';

/** Scanned paper: scan files read in the background, doubtful rows reviewed by a person, imported as a paper batch. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ScanUpload, ScanPage, ScanReview]),
    CampaignModule,
    BallotCastingModule,
    PaperBallotModule,
    PaperPrintModule,
  ],
  controllers: [PaperScanController],
  providers: [ScanReadingService, ScanBatchService, ScanImportService, PaperScanResolver],
  exports: [ScanBatchService],
})
export class PaperScanModule {}
