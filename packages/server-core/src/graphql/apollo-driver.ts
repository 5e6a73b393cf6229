import {
  ApolloServer,
  type ApolloServerOptionsWithSchema,
  type ApolloServerPlugin,
  type BaseContext,
} from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AbstractGraphQLDriver, type GqlModuleOptions } from '@nestjs/graphql';
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import type * as http from 'node:http';

/**
 * The GraphQL module's options: Nest's code-first options plus Apollo
 * Server's (without the schema, which Nest builds).
 */
export interface ApolloDriverConfig
  extends
    Omit<ApolloServerOptionsWithSchema<BaseContext>, 'schema' | 'context' | 'resolvers' | 'typeDefs'>,
    Omit<GqlModuleOptions, 'context'> {
  readonly path?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Apollo's express context function
  readonly context?: (argument: { req: any; res: any }) => unknown;
}

const HTTP_STATUS_CODES: Readonly<Record<number, string>> = {
  [HttpStatus.BAD_REQUEST]: ApolloServerErrorCode.BAD_REQUEST,
  [HttpStatus.UNPROCESSABLE_ENTITY]: ApolloServerErrorCode.BAD_USER_INPUT,
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
};

/**
 * Apollo Server on Nest's Express adapter: what `@nestjs/apollo`'s
 * ApolloDriver does for this server (the express5 integration, no landing
 * page, Nest HTTP exceptions as GraphQL codes, `{ req }` in the context, a
 * drained HTTP server on stop), without its dependency on the GraphQL
 * Playground plugin. Every `@nestjs/apollo` 13.x depends on
 * `@apollo/server-plugin-landing-page-graphql-playground@4.0.1`, whose peer
 * `@apollo/server@^4` contradicts its own peer `@apollo/server@^5`: npm
 * cannot build that tree and loops forever unless the consumer adds
 * `"overrides"` (and 14.x needs Nest 12). With this driver a project that
 * installs `@pingyi/server-core` needs no override.
 */
@Injectable()
export class ApolloDriver extends AbstractGraphQLDriver<ApolloDriverConfig> {
  private server: ApolloServer | undefined;

  override async mergeDefaultOptions(options: ApolloDriverConfig): Promise<ApolloDriverConfig> {
    const merged = await super.mergeDefaultOptions(options, {
      path: '/graphql',
      fieldResolverEnhancers: [],
      stopOnTerminationSignals: false,
    });
    const context = merged.context;
    const formatError = merged.formatError;
    return {
      ...merged,
      plugins: [...(merged.plugins ?? []), ApolloServerPluginLandingPageDisabled(), preserveHttpStatus],
      context: async (argument) => ({ ...((context ? await context(argument) : {}) as object), req: argument.req }),
      formatError: (formatted: GraphQLFormattedError, error: unknown) => {
        const transformed = transformHttpError(formatted, error);
        return formatError ? formatError(transformed, error) : transformed;
      },
    };
  }

  async start(options: ApolloDriverConfig): Promise<void> {
    const adapter = this.httpAdapterHost.httpAdapter;
    if (adapter.getType() !== 'express')
      throw new Error(`Pingyi's GraphQL driver runs on Express, not ${adapter.getType()}`);
    const path = options.path ?? '/graphql';
    // body-parser leaves no body on an empty request; Apollo wants one
    adapter.use(path, (req: { body?: unknown }, _res: unknown, next: () => void) => {
      req.body = req.body ?? {};
      next();
    });
    const {
      path: _path,
      context,
      ...apolloOptions
    } = options as ApolloDriverConfig & { schema: ApolloServerOptionsWithSchema<BaseContext>['schema'] };
    const server = new ApolloServer<BaseContext>({
      ...(apolloOptions as ApolloServerOptionsWithSchema<BaseContext>),
      plugins: [
        ...(options.plugins ?? []),
        ApolloServerPluginDrainHttpServer({ httpServer: adapter.getHttpServer() as http.Server }),
      ],
    });
    await server.start();
    /* eslint-disable @typescript-eslint/no-explicit-any -- Express's app and the integration's context types */
    (adapter.getInstance() as { use: (path: string, handler: any) => void }).use(
      path,
      expressMiddleware(server, { context: context as any }),
    );
    /* eslint-enable @typescript-eslint/no-explicit-any */
    this.server = server;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}

// An execution error with extensions.http.status keeps the response at 200 when it has data (as @nestjs/apollo does).
const preserveHttpStatus: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      if (response.body.kind === 'single' && 'data' in response.body.singleResult) response.http.status = 200;
    },
  }),
};

// A Nest HttpException (ForbiddenException...) thrown in a resolver becomes its GraphQL code.
function transformHttpError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const exception = unwrapResolverError(error) as
    { status?: number; message?: string; response?: { statusCode?: number } } | undefined;
  if (!exception?.response?.statusCode || !exception.status) return formatted;
  const code = HTTP_STATUS_CODES[exception.status];
  const transformed = new GraphQLError(exception.message ?? formatted.message, {
    path: formatted.path,
    extensions: {
      ...formatted.extensions,
      code: code ?? ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
      ...(code ? {} : { status: exception.status }),
      originalError: exception.response,
    },
  });
  return { ...transformed.toJSON(), ...(formatted.locations ? { locations: formatted.locations } : {}) };
}
