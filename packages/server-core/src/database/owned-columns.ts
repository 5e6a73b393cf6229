import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Bureau } from '../bureau/bureau.entity';
import type { Campaign } from '../campaign/campaign.entity';
import type { Unit } from '../organization/unit.entity';
import { CampaignOfBureau, UnitOfCampaign } from './references';

// The columns and references every bureau-, campaign- or unit-owned row
// carries, declared once: an entity extends the narrowest that fits. The
// relations name their targets by entity name, so this file imports no entity
// at run time (the entities import it). A row whose campaign must not be
// deleted under it (ballots, published snapshots) extends
// `CampaignOwnedRestrict`. Who did what when: `record-columns.ts`.
// Rows that spell their own keep no bureau of theirs or hold it another way:
// ratings and the ballot box (the ballot's campaign only, for anonymity), the
// tally stamp (keyed by campaign), audit entries (bureau nullable) and inbox
// entries (campaign nullable, no reference).
// `isAbstract`: the GraphQL fields pass to the entities' object types, and no
// type of the base's own is made.

/** `bureau_id` → `bureau(id)`, deleted with its bureau. */
const bureauOfRow = (): PropertyDecorator => {
  const relation = ManyToOne('Bureau', { onDelete: 'CASCADE' });
  const join = JoinColumn({ name: 'bureau_id' });
  return (target, key) => {
    relation(target, key);
    join(target, key);
  };
};

/** `bureau_id` → `bureau(id)`, deleted with its bureau. */
@ObjectType({ isAbstract: true })
export abstract class BureauOwned {
  @Column({ type: 'integer' })
  bureauId: number;

  @bureauOfRow()
  bureau?: Bureau;
}

/** A row keyed by its bureau (first column of its primary key): per-bureau settings and counters. */
@ObjectType({ isAbstract: true })
export abstract class BureauKeyed {
  @PrimaryColumn({ type: 'integer' })
  bureauId: number;

  @bureauOfRow()
  bureau?: Bureau;
}

/** `(bureau_id, campaign_id)` → `campaign(bureau_id, id)`: the row's bureau is its campaign's. */
const campaignOfRow = (onDelete: 'CASCADE' | 'RESTRICT'): PropertyDecorator => {
  const relation = ManyToOne('Campaign', { onDelete });
  const join = CampaignOfBureau();
  return (target, key) => {
    relation(target, key);
    join(target, key);
  };
};

/** A bureau-owned row of one campaign: `(bureau_id, campaign_id)` → `campaign(bureau_id, id)`, deleted with it. */
@ObjectType({ isAbstract: true })
export abstract class CampaignOwned extends BureauOwned {
  @Field(() => ID)
  @Column({ type: 'integer' })
  campaignId: number;

  @campaignOfRow('CASCADE')
  campaign?: Campaign;
}

/** A campaign-owned row the campaign cannot be deleted under (RESTRICT): ballots, published results. */
@ObjectType({ isAbstract: true })
export abstract class CampaignOwnedRestrict extends BureauOwned {
  @Field(() => ID)
  @Column({ type: 'integer' })
  campaignId: number;

  @campaignOfRow('RESTRICT')
  campaign?: Campaign;
}

/** `unit_code`, a unit's code (GraphQL `String`); a row that names a unit with its own description or nullability spells it with this. */
export const UnitCode = (options: { nullable?: boolean; description?: string } = {}): PropertyDecorator => {
  const field = Field(() => String, options);
  const column = Column({ type: 'varchar', length: 64, nullable: options.nullable ?? false });
  return (target, key) => {
    field(target, key);
    column(target, key);
  };
};

/** `(campaign_id, unit_code)` → `unit(campaign_id, code)`, checked at commit (a unit's code may change in the same transaction). */
export const UnitReference = (): PropertyDecorator => {
  const relation = ManyToOne('Unit', { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' });
  const join = UnitOfCampaign();
  return (target, key) => {
    relation(target, key);
    join(target, key);
  };
};

/** A campaign-owned row about one unit: `(campaign_id, unit_code)` → `unit(campaign_id, code)`, checked at commit. */
@ObjectType({ isAbstract: true })
export abstract class UnitOwned extends CampaignOwned {
  @UnitCode()
  unitCode: string;

  @UnitReference()
  unit?: Unit;
}
