import { Module } from '@nestjs/common';
import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  Allow,
  bureauForeignKey,
  bureauIdColumn,
  Ctx,
  definePlugin,
  idColumn,
  RequestContext,
  Role,
} from '@pingyi/server-core';
import {
  Column,
  DataSource,
  Entity,
  type MigrationInterface,
  PrimaryGeneratedColumn,
  type QueryRunner,
  Table,
} from 'typeorm';

// A plugin with its own Nest module: an entity with its own migration and a
// resolver, as another bureau would add a deputies' roster.

@ObjectType('TestRosterDeputy')
@Entity('test_roster_deputy')
export class RosterDeputy {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  bureauId: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;
}

export class CreateTestRosterDeputy1795603490000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'test_roster_deputy',
        columns: [idColumn(), bureauIdColumn(), { name: 'name', type: 'varchar', length: '100' }],
        foreignKeys: [bureauForeignKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('test_roster_deputy');
  }
}

@Resolver()
@Allow(Role.office, Role.admin)
class RosterResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [RosterDeputy])
  testRosterDeputies(@Ctx() ctx: RequestContext): Promise<RosterDeputy[]> {
    return this.dataSource
      .getRepository(RosterDeputy)
      .find({ where: { bureauId: ctx.bureauId }, order: { id: 'ASC' } });
  }

  @Mutation(() => RosterDeputy)
  addTestRosterDeputy(
    @Ctx() ctx: RequestContext,
    @Args('name', { type: () => String }) name: string,
  ): Promise<RosterDeputy> {
    return this.dataSource.getRepository(RosterDeputy).save({ bureauId: ctx.bureauId, name });
  }
}

@Module({ providers: [RosterResolver] })
class RosterModule {}

export const rosterPlugin = definePlugin({
  name: '@pingyi-test/roster',
  version: '0.0.1',
  compatibility: '>=0.1.0 <1.0.0',
  module: RosterModule,
  entities: [RosterDeputy],
  migrations: [CreateTestRosterDeputy1795603490000],
});
