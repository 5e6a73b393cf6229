import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { PingyiMetrics } from './pingyi-metrics.service';

/** Prometheus metrics: the service every feature may report to, and `GET /metrics`. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [PingyiMetrics],
  exports: [PingyiMetrics],
})
export class PingyiMetricsModule {}
