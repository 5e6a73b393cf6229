import { definePingyiFeature } from '../common/pingyi-feature';
import { OneRateLimitTable1796300000000 } from './migrations/1796300000000-one-rate-limit-table.migration';
import { RateLimitCounter } from './rate-limit-counter.entity';
import { RateLimitModule } from './rate-limit.module';

export const rateLimitFeature = definePingyiFeature({
  name: 'rate-limit',
  module: RateLimitModule,
  entities: [RateLimitCounter],
  migrations: [OneRateLimitTable1796300000000],
});
