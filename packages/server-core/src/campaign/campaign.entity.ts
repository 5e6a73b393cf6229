import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type Objective, type Phase, type Requirement } from '@pingyi/domain';
import { type ScoringPolicy } from '@pingyi/scoring';
import {
  AfterLoad,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CampaignObjective, CampaignPhase, CampaignRequirement, CampaignSeries } from './campaign-parts.types';
import { EvaluatorGroup } from './evaluator-group.entity';
import { BureauOwned } from '../database/owned-columns';
import { Instant, CreatedAt, UpdatedAt } from '../database/record-columns';

/**
 * One round of the democratic appraisal (民主评议机关) at one bureau: its
 * calendar, plan texts and scoring policy. The parts edited as a whole
 * (phases, objectives, requirements, policy) are JSON columns; the evaluator
 * groups, which ballots refer to, are rows. One campaign per bureau and year.
 */
@ObjectType('Campaign')
@Entity('campaign')
// the target of every row's (bureau_id, campaign_id) reference
@Unique(['bureauId', 'id'])
// a year is taken by the bureau's live campaign only; archived ones keep theirs
@Index(['bureauId', 'year'], { unique: true, where: 'archived_at IS NULL' })
export class Campaign extends BureauOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int, { description: 'The year the campaign starts (its first phase)' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { description: 'IANA time zone the dates are read in (default Asia/Shanghai)' })
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Field(() => String, { description: 'First day of the campaign, YYYY-MM-DD' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => String, { description: 'Last day of the campaign, YYYY-MM-DD (inclusive)' })
  @Column({ type: 'date' })
  endDate: string;

  @Field(() => [CampaignPhase])
  @Column({ type: 'simple-json' })
  phases: Phase[];

  @Field(() => String, { description: '指导思想' })
  @Column({ type: 'text' })
  guidingPrinciple: string;

  @Field(() => [CampaignObjective], { description: '工作目标' })
  @Column({ type: 'simple-json' })
  objectives: Objective[];

  @Field(() => [CampaignRequirement], { description: '工作要求' })
  @Column({ type: 'simple-json' })
  requirements: Requirement[];

  /** The scoring policy as `parsePolicy` returned it (CONTRACTS.md §1); its scale is the campaign's rating scale. */
  @Column({ type: 'simple-json' })
  policy: ScoringPolicy;

  @Field(() => ID, {
    nullable: true,
    description: "The campaign results are compared with; default: the bureau's latest earlier year",
  })
  @Column({ type: 'integer', nullable: true })
  previousCampaignId: number | null;

  @ManyToOne(() => Campaign, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'previous_campaign_id' })
  previousCampaign?: Campaign | null;

  @Field(() => Boolean, { description: 'Loaded by the demo on first start' })
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Instant({
    nullable: true,
    description: 'When it was archived (kept with its ballots and results, read-only); null while live',
  })
  archivedAt: Date | null;

  /** Series (序列/类别) units may belong to; empty (one series: all units) by default. Null in rows stored before series. */
  @Field(() => [CampaignSeries], {
    description:
      'Series (序列/类别) of units, each ranked on its own when the policy says rankWithin "series"; empty: one series',
  })
  @Column({ type: 'simple-json', nullable: true })
  series: CampaignSeries[];

  @Field(() => [EvaluatorGroup], { description: '评议对象类别, in ballot order' })
  @OneToMany(() => EvaluatorGroup, (group) => group.campaign)
  evaluatorGroups: EvaluatorGroup[];

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  @AfterLoad()
  protected seriesOfOldRows(): void {
    this.series ??= [];
  }
}
