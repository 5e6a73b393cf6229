import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { InspectionFinding } from './inspection-finding.entity';
import { type InspectionKind, InspectionKindEnum } from './supervision-enums';
import type { Unit } from '../organization/unit.entity';
import { CampaignOwned, UnitCode, UnitReference } from '../database/owned-columns';
import { Actor, CreatedAt } from '../database/record-columns';

/** 明查暗访: an open or covert check of a unit by the discipline inspectors. */
@ObjectType('Inspection')
@Entity('inspection')
@Index(['bureauId', 'campaignId', 'unitCode'])
export class Inspection extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => InspectionKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind: InspectionKind;

  @Field(() => String, { description: 'Local date of the check, YYYY-MM-DD' })
  @Column({ type: 'date' })
  date: string;

  @UnitCode({ description: 'The unit checked' })
  unitCode: string;

  @UnitReference()
  unit?: Unit;

  @Field(() => [String], { description: 'Focus areas (安全环境, 执法质量, 服务态度, 办事效率, 行业风气) by code' })
  @Column({ type: 'simple-array' })
  focusAreas: string[];

  @Field(() => String)
  @Column({ type: 'text' })
  summary: string;

  @Field(() => String, { nullable: true, description: 'Who checked' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  inspectors: string | null;

  @Actor({ nullable: true })
  createdBy: string | null;

  @Field(() => [InspectionFinding])
  @OneToMany(() => InspectionFinding, (finding) => finding.inspection)
  findings: InspectionFinding[];

  @CreatedAt()
  createdAt: Date;
}
