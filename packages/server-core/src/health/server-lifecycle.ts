import { Injectable } from '@nestjs/common';

/** Whether this instance is shutting down (readiness answers 503 from the first moment of a SIGTERM). */
@Injectable()
export class ServerLifecycle {
  draining = false;
}
