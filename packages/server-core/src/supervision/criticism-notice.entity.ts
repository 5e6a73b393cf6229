import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Inspection } from './inspection.entity';
import type { Unit } from '../organization/unit.entity';
import { CampaignOwned, UnitCode, UnitReference } from '../database/owned-columns';
import { Actor, LocalDay, CreatedAt } from '../database/record-columns';

/** 通报批评: a criticism notice to a unit. */
@ObjectType('CriticismNotice')
@Entity('criticism_notice')
@Index(['bureauId', 'campaignId', 'unitCode'])
export class CriticismNotice extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @UnitCode({ description: 'The unit criticised' })
  unitCode: string;

  @UnitReference()
  unit?: Unit;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  text: string;

  @LocalDay({ description: 'Local date it was issued' })
  issuedOn: string;

  @Actor({ nullable: true, description: 'Who issued it' })
  issuedBy: string | null;

  @Field(() => ID, { nullable: true, description: 'The inspection that led to it' })
  @Column({ type: 'integer', nullable: true })
  inspectionId: number | null;

  @ManyToOne(() => Inspection, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: Inspection | null;

  @CreatedAt()
  createdAt: Date;
}
