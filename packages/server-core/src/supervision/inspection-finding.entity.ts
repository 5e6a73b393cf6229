import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RectificationItem } from '../rectification/rectification-item.entity';
import { Inspection } from './inspection.entity';
import { BureauOwned } from '../database/owned-columns';
import { CreatedAt } from '../database/record-columns';

/** A problem an inspection found; it can open rectification items (linked as their source). */
@ObjectType('InspectionFinding')
@Entity('inspection_finding')
@Index(['inspectionId'])
export class InspectionFinding extends BureauOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'integer' })
  inspectionId: number;

  @ManyToOne(() => Inspection, (inspection) => inspection.findings, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: Inspection;

  @Field(() => String, { description: 'The focus area it belongs to' })
  @Column({ type: 'varchar', length: 32 })
  focusArea: string;

  @Field(() => String)
  @Column({ type: 'text' })
  text: string;

  @CreatedAt()
  createdAt: Date;

  /** Filled on the inspection's page: the items opened from it. */
  @Field(() => [RectificationItem], { description: 'Rectification items opened from this finding (in your scope)' })
  items: RectificationItem[];
}
