import { type CampaignBallotRules } from '../ballot-casting/campaign-ballot-rules.service';

/** A campaign's sheet as the scans are read and reviewed by: units in ballot order, the scale's levels. */
export interface SheetShapeOfCampaign {
  readonly unitCount: number;
  readonly levelCount: number;
  readonly unitCodes: readonly string[];
  readonly unitNames: readonly string[];
  readonly levelCodes: readonly string[];
  readonly groupCodes: readonly string[];
}

export function sheetShapeOf({ units, scale, campaign, rules }: CampaignBallotRules): SheetShapeOfCampaign {
  return {
    unitCount: units.length,
    levelCount: scale.length,
    unitCodes: rules.appraisedUnitCodes,
    unitNames: units.map((unit) => unit.name),
    levelCodes: scale.map((level) => level.code),
    groupCodes: [...campaign.evaluatorGroups].sort((a, b) => a.sortOrder - b.sortOrder).map((group) => group.code),
  };
}
