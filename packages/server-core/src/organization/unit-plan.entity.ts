import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { UnitOwned } from '../database/owned-columns';

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

  @Field(() => String, { description: 'Local date it was (last) filed' })
  @Column({ type: 'date' })
  filedOn: string;

  @Field(() => String, { description: 'Username of who filed it' })
  @Column({ type: 'varchar', length: 64 })
  filedBy: string;

  @Field(() => Int, { description: '1 for the first filing, then +1 each time it is filed again' })
  @Column({ type: 'integer' })
  revision: number;

  @Field(() => Date)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn()
  updatedAt: Date;
}
