import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Allow } from '../common/allow.decorator';
import { Public } from '../common/roles';

interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
}

/** `GET /health`: 200 when the database answers, 503 otherwise (for load balancers). */
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Allow(Public)
  async check(@Res() res: JsonResponse): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      res.status(HttpStatus.OK).json({ status: 'ok', database: 'up' });
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: 'error', database: 'down' });
    }
  }
}
