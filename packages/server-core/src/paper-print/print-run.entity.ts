import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';
import { CampaignOwned } from '../database/owned-columns';
import { GroupOfCampaign } from '../database/references';
import { Actor, CreatedAt } from '../database/record-columns';

/** What a print run prints: the appraisal sheet (民主评议表) or the opinion form (意见表). */
export enum PrintSheetKind {
  APPRAISAL = 'APPRAISAL',
  OPINION = 'OPINION',
}
registerEnumType(PrintSheetKind, {
  name: 'PrintSheetKind',
  description: 'APPRAISAL: 民主评议表 (a bubble per level and unit); OPINION: 意见表 (a box per unit)',
});

/**
 * What a print run's sheets show, fixed when it is made so the PDF downloaded
 * later is the one the scans are read against, whatever changes in the
 * campaign meanwhile (not a GraphQL field).
 */
export interface PrintRunLayout {
  readonly campaignTitle: string;
  readonly groupLabel: string;
  /** Appraised units in ballot order. */
  readonly units: readonly { readonly code: string; readonly name: string }[];
  /** The rating scale, in its order (the appraisal sheet's columns). */
  readonly levels: readonly { readonly code: string; readonly label: string }[];
}

/**
 * 印制批次: a number of blank paper sheets of one kind printed for one
 * evaluator group. Each sheet has a random serial (`printed_sheet`) that
 * identifies the paper, never the person it is handed to.
 */
@ObjectType('PrintRun')
@Entity('print_run')
@Index(['campaignId', 'evaluatorGroupCode'])
export class PrintRun extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => PrintSheetKind)
  @Column({ type: 'varchar', length: 10 })
  kind: PrintSheetKind;

  @Field(() => String, { name: 'groupCode', description: "The evaluator group's code" })
  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  /** The group's place in the campaign's group order when printed: the label's group index. */
  @Column({ type: 'integer' })
  groupIndex: number;

  @Field(() => Int, { description: 'Sheets printed (each with its own serial)' })
  @Column({ type: 'integer' })
  sheets: number;

  @Field(() => Int, { description: 'Pages of each sheet (every page carries the sheet serial)' })
  @Column({ type: 'integer' })
  pagesPerSheet: number;

  @Column({ type: 'simple-json' })
  layout: PrintRunLayout;

  @CreatedAt()
  createdAt: Date;

  @Actor({ nullable: true })
  createdBy: string | null;
}
