import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { type RectificationSourceType, RectificationSourceTypeEnum } from './rectification-enums';
import { RectificationItem } from './rectification-item.entity';
import { BureauOwned } from '../database/owned-columns';

/**
 * A link from an item to what it came from: a public opinion (merged opinions
 * give several links), feedback of the city appraisal office, an inspection
 * finding, or the office's own gap check (查漏补缺).
 */
@ObjectType('RectificationSource')
@Entity('rectification_source')
@Index(['itemId'])
@Index(['bureauId', 'sourceType', 'sourceId'])
export class RectificationSourceLink extends BureauOwned {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  itemId: number;

  @ManyToOne(() => RectificationItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: RectificationItem;

  @Field(() => RectificationSourceTypeEnum)
  @Column({ type: 'varchar', length: 32 })
  sourceType: RectificationSourceType;

  @Field(() => String, {
    nullable: true,
    description: 'Id of the opinion or finding; a reference for city feedback; empty for a gap check',
  })
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The source's words: the opinion's or the finding's text (null for city feedback, a gap check, or a record gone)",
  })
  text?: string | null;
}
