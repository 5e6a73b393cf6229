import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BallotMixer } from '../ballot-box/ballot-mixer.service';
import { Allow } from '../common/allow.decorator';
import { Public } from '../common/roles';
import { ServerLifecycle } from './server-lifecycle';

interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
}

/**
 * Health for load balancers and orchestrators:
 * - `GET /health` (kept as it was): 200 when the database answers, else 503;
 * - `GET /health/live`: 200 while the process serves HTTP at all (liveness: restart it when this fails);
 * - `GET /health/ready`: 200 when the database answers, every migration has run,
 *   the ballot box's mixer is alive and the instance is not shutting down; else 503
 *   with the failing checks (readiness: send it traffic only then).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mixer: BallotMixer,
    private readonly lifecycle: ServerLifecycle,
  ) {}

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

  @Get('live')
  @Allow(Public)
  live(@Res() res: JsonResponse): void {
    res.status(HttpStatus.OK).json({ status: 'ok' });
  }

  @Get('ready')
  @Allow(Public)
  async ready(@Res() res: JsonResponse): Promise<void> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const migrations = database
      ? await this.dataSource.showMigrations().then(
          (pending) => !pending,
          () => false,
        )
      : false;
    const mixer = this.mixer.health();
    const checks = {
      database: database ? 'up' : 'down',
      migrations: migrations ? 'done' : 'pending',
      mixer: mixer.alive ? 'alive' : 'stalled',
      accepting: !this.lifecycle.draining,
    };
    const ok = database && migrations && mixer.alive && !this.lifecycle.draining;
    res
      .status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: ok ? 'ready' : 'unavailable', checks });
  }
}
