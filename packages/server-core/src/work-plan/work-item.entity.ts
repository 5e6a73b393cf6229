import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type SourceGap } from '@pingyi/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Unit } from '../organization/unit.entity';
import { Theme } from './theme.entity';
import { WorkItemLeadUnit } from './work-item-lead-unit.entity';
import { CampaignOwned } from '../database/owned-columns';
import { CreatedAt, UpdatedAt } from '../database/record-columns';

/** 重点工作: a numbered task under a theme, led by one or more units, with its progress. */
@ObjectType('WorkItem')
@Entity('work_item')
@Unique(['themeId', 'number'])
@Index(['campaignId'])
export class WorkItem extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  themeId: number;

  @Field(() => Theme)
  @ManyToOne(() => Theme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'theme_id' })
  theme: Theme;

  @Field(() => Int, { description: 'Number within the theme, as printed: (4) → 4' })
  @Column({ type: 'integer' })
  number: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Field(() => String, { description: 'Empty for an elided item' })
  @Column({ type: 'text' })
  text: string;

  @Field(() => Boolean, { description: 'Printed as （略）: the task exists, its text is withheld' })
  @Column({ type: 'boolean' })
  elided: boolean;

  @Field(() => [String], { description: 'Parts the source document lost: title, text, leadUnits, number' })
  @Column({ type: 'simple-json' })
  sourceGaps: SourceGap[];

  @Field(() => Int, { description: 'Percent 0-100: the latest progress report' })
  @Column({ type: 'integer' })
  progress: number;

  @OneToMany(() => WorkItemLeadUnit, (link) => link.workItem)
  leadUnitLinks: WorkItemLeadUnit[];

  /** 牵头单位 in the order printed (from the joined links). */
  @Field(() => [Unit], { description: '牵头单位, in the order printed' })
  get leadUnits(): Unit[] {
    return [...(this.leadUnitLinks ?? [])]
      .sort((a, b) => a.position - b.position)
      .flatMap((link) => (link.unit ? [link.unit] : []));
  }

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}
