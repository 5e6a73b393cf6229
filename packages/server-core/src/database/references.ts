import { JoinColumn } from 'typeorm';

// The join columns of the composite references every campaign-owned row
// carries, shared by the entities so they spell the same foreign keys as the
// referential-integrity migration (the schema diff test compares both).

/** `(bureau_id, campaign_id)` → `campaign(bureau_id, id)`: the row's bureau is its campaign's. */
export const CampaignOfBureau = (): PropertyDecorator =>
  JoinColumn([
    { name: 'bureau_id', referencedColumnName: 'bureauId' },
    { name: 'campaign_id', referencedColumnName: 'id' },
  ]);

/** `(campaign_id, <column>)` → `unit(campaign_id, code)`: the unit the row names exists in its campaign. */
export const UnitOfCampaign = (column = 'unit_code'): PropertyDecorator =>
  JoinColumn([
    { name: 'campaign_id', referencedColumnName: 'campaignId' },
    { name: column, referencedColumnName: 'code' },
  ]);

/** `(campaign_id, evaluator_group_code)` → `evaluator_group(campaign_id, code)`. */
export const GroupOfCampaign = (): PropertyDecorator =>
  JoinColumn([
    { name: 'campaign_id', referencedColumnName: 'campaignId' },
    { name: 'evaluator_group_code', referencedColumnName: 'code' },
  ]);
