import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';
import { CreatedAt } from '../database/record-columns';

/**
 * The random key a campaign's sheet labels carry (`newCampaignKey`), made on
 * its first print run: a scanned page names its campaign by it, and a page of
 * another campaign or deployment is told apart.
 */
@Entity('sheet_label_key')
@Unique(['campaignId'])
@Unique(['campaignKey'])
export class SheetLabelKey extends CampaignOwned {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  campaignKey: string;

  @CreatedAt()
  createdAt: Date;
}
