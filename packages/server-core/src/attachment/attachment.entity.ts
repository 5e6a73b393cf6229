import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RectificationItem } from '../rectification/rectification-item.entity';
import type { Unit } from '../organization/unit.entity';
import { CampaignOwned, UnitCode, UnitReference } from '../database/owned-columns';
import { Actor, CreatedAt } from '../database/record-columns';

/**
 * An evidence file of a rectification item. The bytes live on disk under the
 * data directory, named by their SHA-256 (`attachments/<sha256>`), so a file
 * uploaded twice is stored once; this row is the metadata.
 */
@ObjectType('Attachment')
@Entity('attachment')
@Index(['itemId'])
@Index(['bureauId', 'sha256'])
export class Attachment extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'integer' })
  itemId: number;

  @ManyToOne(() => RectificationItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: RectificationItem;

  @UnitCode({ description: 'The unit of the item (liaisons see only their own)' })
  unitCode: string;

  @UnitReference()
  unit?: Unit;

  @Field(() => String, { description: 'File name as uploaded' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { description: 'MIME type, from the allow-list' })
  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Field(() => Int, { description: 'Bytes' })
  @Column({ type: 'integer' })
  size: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Actor({ nullable: true })
  uploadedBy: string | null;

  @CreatedAt({ name: 'createdAt' })
  uploadedAt: Date;

  @Field(() => String, { description: 'Where to download it (GET, with the bearer token)' })
  get url(): string {
    return `/attachments/${this.id}`;
  }
}
