import { ForbiddenException, Module } from '@nestjs/common';
import { Args, Field, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  assertUnitInScope,
  Authenticated,
  Ctx,
  definePingyiFeature,
  Public,
  RequestContext,
  Role,
} from '@pingyi/server-core';
import { DataSource } from 'typeorm';

// A test-only module: a recursive type for depth and cost limits, an
// operation without @Allow (deny by default) and operations that fail
// unexpectedly (error masking).

@ObjectType()
class ProbeNode {
  @Field(() => Int)
  level: number;
}

@Resolver(() => ProbeNode)
@Allow(Public)
class ProbeNodeResolver {
  @ResolveField(() => ProbeNode)
  child(@Parent() parent: ProbeNode): ProbeNode {
    return { level: parent.level + 1 };
  }

  @ResolveField(() => [ProbeNode])
  children(@Args('take', { type: () => Int, nullable: true }) take: number | null): ProbeNode[] {
    return Array.from({ length: Math.min(take ?? 2, 3) }, (_, level) => ({ level }));
  }
}

@Resolver()
class ProbeResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => ProbeNode)
  @Allow(Public)
  probeRoot(): ProbeNode {
    return { level: 0 };
  }

  @Query(() => [ProbeNode])
  @Allow(Public)
  probeList(@Args('take', { type: () => Int, nullable: true }) take: number | null): ProbeNode[] {
    return Array.from({ length: Math.min(take ?? 2, 3) }, (_, level) => ({ level }));
  }

  // deliberately no @Allow: the guard must refuse it
  @Query(() => String)
  probeUndeclared(): string {
    return 'should never be returned';
  }

  @Mutation(() => String)
  probeUndeclaredMutation(): string {
    return 'should never be returned';
  }

  @Query(() => String)
  @Allow(Authenticated)
  probeCrash(): string {
    throw new Error('secret detail: password=hunter2 at /srv/app.js:1');
  }

  // what a unit-owned read looks like: office and admin see every unit, a liaison only theirs
  @Query(() => String)
  @Allow(Role.office, Role.admin, Role.liaison)
  probeUnit(@Ctx() ctx: RequestContext, @Args('unit', { type: () => String }) unit: string): string {
    assertUnitInScope(ctx, unit, [Role.office, Role.admin], 'unit');
    return unit;
  }

  @Query(() => String)
  @Allow(Authenticated)
  probeHttpForbidden(): string {
    throw new ForbiddenException('Only on Tuesdays');
  }

  @Query(() => String)
  @Allow(Authenticated)
  async probeSqlError(): Promise<string> {
    await this.dataSource.query('SELECT secret_column FROM no_such_table_for_probe');
    return 'unreachable';
  }
}

@Module({ providers: [ProbeResolver, ProbeNodeResolver] })
class ProbeModule {}

/** Mount with `createTestServer({ plugins: [probeFeature] })`. */
export const probeFeature = definePingyiFeature({ name: 'probe', module: ProbeModule });
