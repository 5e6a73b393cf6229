// One GraphQL field shaped as castBallot (an 80-rating input, a union-free
// receipt) on a bare Nest app, under GRAPHQL_DRIVER=apollo (this server's own
// Apollo driver on Express, as Pingyi runs) or mercurius (@nestjs/mercurius on
// Fastify); prints "LISTENING <url>". The resolver does no work: what is
// measured is the HTTP and GraphQL layer a cast pays before the service.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLModule, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '../src/graphql/apollo-driver';

@InputType()
class RatingInput {
  @Field(() => String)
  unit: string;

  @Field(() => String)
  level: string;
}

@InputType()
class OpinionInput {
  @Field(() => String)
  unit: string;

  @Field(() => String)
  text: string;
}

@InputType('CastBallotInput')
class CastInput {
  @Field(() => String)
  code: string;

  @Field(() => [RatingInput])
  ratings: RatingInput[];

  @Field(() => [OpinionInput], { nullable: true })
  opinions?: OpinionInput[];
}

@ObjectType('BallotReceipt')
class Receipt {
  @Field(() => String)
  receiptNumber: string;
}

@Resolver()
class CastResolver {
  @Query(() => String)
  health(): string {
    return 'ok';
  }

  @Mutation(() => Receipt)
  async castBallot(@Args('input', { type: () => CastInput }) input: CastInput): Promise<Receipt> {
    await Promise.resolve();
    return { receiptNumber: `${input.code.length}-${input.ratings.length}` };
  }
}

// tsx (esbuild) emits no decorator metadata, which @Args reads: declare what tsc would
Reflect.defineMetadata('design:paramtypes', [CastInput], CastResolver.prototype, 'castBallot');
Reflect.defineMetadata('design:returntype', Promise, CastResolver.prototype, 'castBallot');
Reflect.defineMetadata('design:paramtypes', [], CastResolver.prototype, 'health');

async function main(): Promise<void> {
  const driver = process.env.GRAPHQL_DRIVER ?? 'apollo';
  if (driver === 'mercurius') {
    const { MercuriusDriver } = await import('@nestjs/mercurius');
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    @Module({
      imports: [GraphQLModule.forRoot({ driver: MercuriusDriver, autoSchemaFile: true, graphiql: false })],
      providers: [CastResolver],
    })
    class MercuriusApp {}
    const app = await NestFactory.create(MercuriusApp, new FastifyAdapter({ bodyLimit: 1024 * 1024 }), {
      logger: ['error'],
    });
    await app.listen(0, '127.0.0.1');
    process.stdout.write(`LISTENING ${await app.getUrl()}\n`);
    return;
  }
  @Module({
    imports: [
      GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true, path: '/graphql' }),
    ],
    providers: [CastResolver],
  })
  class ApolloApp {}
  const app = await NestFactory.create(ApolloApp, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`LISTENING ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
