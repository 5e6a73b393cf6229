import { type INestApplication } from '@nestjs/common';
import { GRAPHQL_PATH } from '../graphql/graphql-options';
import { graphqlOperationOf, pathOf } from '../logging/graphql-operation';
import { PingyiMetrics } from './pingyi-metrics.service';

interface TimedRequest {
  readonly method?: string;
  readonly url?: string;
  readonly originalUrl?: string;
  readonly body?: unknown;
}
interface TimedResponse {
  readonly statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): void;
}

/** Times every GraphQL request from its arrival to its answer, labelled with its operation (read from the parsed body). */
export function useGraphqlMetrics(app: INestApplication): void {
  const metrics = app.get(PingyiMetrics);
  app.use((req: TimedRequest, res: TimedResponse, next: () => void) => {
    if (pathOf(req) !== GRAPHQL_PATH) return next();
    const started = process.hrtime.bigint();
    let done = false;
    const end = (): void => {
      if (done) return;
      done = true;
      metrics.observeGraphql(
        graphqlOperationOf(req.body),
        res.statusCode,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    };
    res.once('finish', end);
    res.once('close', end);
    next();
  });
}
