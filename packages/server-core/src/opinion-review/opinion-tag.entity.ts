import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Opinion } from '../appraisal/opinion.entity';

/**
 * A tag the office put on an opinion (窗口服务, 执法规范…): a review decision
 * like its status, nothing about who wrote the opinion or when.
 */
@Entity('opinion_tag')
@Index(['tag'])
export class OpinionTag {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  opinionId: string;

  @ManyToOne(() => Opinion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opinion_id' })
  opinion?: Opinion;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  tag: string;
}
