import type { Logger } from '@nestjs/common';
import { describeError } from '../logging/describe-error';

/**
 * Runs a sweep of work left behind by a stopped server (rows whose heartbeat
 * went stale): once at start, then every `everyMs` until stopped, on an
 * unref'd timer, a failed sweep logged and tried again next time.
 */
export class StaleSweeper {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sweep: () => Promise<unknown>,
    private readonly everyMs: number,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(
      () => void this.sweep().catch((error: unknown) => this.logger.error(`sweep failed: ${describeError(error)}`)),
      this.everyMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
