import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CriticismNotice } from './criticism-notice.entity';
import { UnitOwned } from '../database/owned-columns';
import { Actor, LocalDay, CreatedAt } from '../database/record-columns';

/** 责任追究: the measure taken against a person of a unit, possibly after a notice. */
@ObjectType('AccountabilityRecord')
@Entity('accountability_record')
@Index(['bureauId', 'campaignId', 'unitCode'])
export class AccountabilityRecord extends UnitOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'The person held to account' })
  @Column({ type: 'varchar', length: 100 })
  person: string;

  @Field(() => String, { description: 'The measure (诫勉谈话, 通报, 调离岗位 ...)' })
  @Column({ type: 'text' })
  measure: string;

  @LocalDay({ description: 'Local date of the decision' })
  decidedOn: string;

  @Field(() => ID, { nullable: true, description: 'The criticism notice it follows' })
  @Column({ type: 'integer', nullable: true })
  noticeId: number | null;

  @ManyToOne(() => CriticismNotice, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'notice_id' })
  notice?: CriticismNotice | null;

  @Actor({ nullable: true })
  createdBy: string | null;

  @CreatedAt()
  createdAt: Date;
}
