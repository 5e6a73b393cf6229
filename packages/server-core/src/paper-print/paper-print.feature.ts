import { definePingyiFeature } from '../common/pingyi-feature';
import { CreatePaperPrint1796700100000 } from './migrations/1796700100000-create-paper-print.migration';
import { PaperPrintModule } from './paper-print.module';
import { PrintedSheet } from './printed-sheet.entity';
import { PrintRun } from './print-run.entity';
import { SheetLabelKey } from './sheet-label-key.entity';

export const paperPrintFeature = definePingyiFeature({
  name: 'paper-print',
  module: PaperPrintModule,
  entities: [SheetLabelKey, PrintRun, PrintedSheet],
  migrations: [CreatePaperPrint1796700100000],
});
