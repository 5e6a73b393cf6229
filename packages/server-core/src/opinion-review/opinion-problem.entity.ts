import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { OpinionProblemMember } from './opinion-problem-member.entity';
import { UnitOwned } from '../database/owned-columns';
import { Actor, CreatedAt } from '../database/record-columns';

/**
 * A problem the office draws from several opinions (published campaigns
 * merge hundreds of opinions into fewer items): a title, the unit it is
 * about, and the merged opinions. A rectification item is opened from it by
 * citing its opinions as sources.
 */
@ObjectType('OpinionProblem')
@Entity('opinion_problem')
@Index(['campaignId', 'unitCode'])
export class OpinionProblem extends UnitOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreatedAt()
  createdAt: Date;

  @Actor({ nullable: true })
  createdBy: string | null;

  @OneToMany('OpinionProblemMember', (member: OpinionProblemMember) => member.problem)
  members?: OpinionProblemMember[];

  /** Filled by the service (not a column). */
  @Field(() => Int, { description: 'Opinions merged into it' })
  opinionCount?: number;
}
