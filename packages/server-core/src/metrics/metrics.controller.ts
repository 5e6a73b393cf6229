import { Controller, Get, Headers, HttpStatus, Inject, Res } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { Allow } from '../common/allow.decorator';
import { Public } from '../common/roles';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { PingyiMetrics } from './pingyi-metrics.service';

interface TextResponse {
  status(code: number): TextResponse;
  setHeader(name: string, value: string): void;
  send(body: string): void;
}

/**
 * `GET /metrics` (Prometheus text format) with `Authorization: Bearer
 * $PINGYI_METRICS_TOKEN`; without that setting the route answers 404 (off).
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: PingyiMetrics,
    @Inject(PINGYI_CONFIG) private readonly config: PingyiConfig,
  ) {}

  @Get()
  @Allow(Public)
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: TextResponse): Promise<void> {
    const token = this.config.metricsToken;
    if (token === undefined) {
      res.status(HttpStatus.NOT_FOUND).send('metrics are off: set PINGYI_METRICS_TOKEN\n');
      return;
    }
    const given = Buffer.from(authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(HttpStatus.UNAUTHORIZED).send('metrics need Authorization: Bearer <PINGYI_METRICS_TOKEN>\n');
      return;
    }
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.status(HttpStatus.OK).send(await this.metrics.registry.metrics());
  }
}
