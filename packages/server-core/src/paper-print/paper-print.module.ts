import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignModule } from '../campaign/campaign.module';
import { BallotCastingModule } from '../ballot-casting/ballot-casting.module';
import { PaperPrintController } from './paper-print.controller';
import { PaperPrintResolver } from './paper-print.resolver';
import { PrintedSheet } from './printed-sheet.entity';
import { PrintRun } from './print-run.entity';
import { PrintRunService } from './print-run.service';
import { SheetLabelKey } from './sheet-label-key.entity';

/** 印制: print runs of blank sheets with random serials and the campaign's label key, their PDF. */
@Module({
  imports: [TypeOrmModule.forFeature([PrintRun, PrintedSheet, SheetLabelKey]), CampaignModule, BallotCastingModule],
  controllers: [PaperPrintController],
  providers: [PrintRunService, PaperPrintResolver],
  exports: [PrintRunService],
})
export class PaperPrintModule {}
