import { definePingyiFeature } from '../common/pingyi-feature';
import { CreatePaperScan1796700000000 } from './migrations/1796700000000-create-paper-scan.migration';
import { PaperScanModule } from './paper-scan.module';
import { ScanPage } from './scan-page.entity';
import { ScanReview } from './scan-review.entity';
import { ScanUpload } from './scan-upload.entity';

export const paperScanFeature = definePingyiFeature({
  name: 'paper-scan',
  module: PaperScanModule,
  entities: [ScanUpload, ScanPage, ScanReview],
  migrations: [CreatePaperScan1796700000000],
});
