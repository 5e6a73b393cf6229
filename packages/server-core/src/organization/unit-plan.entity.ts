import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UnitOwned } from '../database/owned-columns';
import { Actor, LocalDay, CreatedAt, UpdatedAt } from '../database/record-columns';

/** 单位工作方案: a unit's own plan, filed in mobilization; filing again replaces it (revision + 1). */
@ObjectType('UnitPlan')
@Entity('unit_plan')
@Unique(['campaignId', 'unitCode'])
export class UnitPlan extends UnitOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @LocalDay({ description: 'Local date it was (last) filed' })
  filedOn: string;

  @Actor({ description: 'Username of who filed it' })
  filedBy: string;

  @Field(() => Int, { description: '1 for the first filing, then +1 each time it is filed again' })
  @Column({ type: 'integer' })
  revision: number;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
