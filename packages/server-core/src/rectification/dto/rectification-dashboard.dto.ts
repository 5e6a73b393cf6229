import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

/** 整改率 counts: closed (accepted) ÷ total (top-level items, dismissed ones left out). */
@ObjectType('RateCounts')
export class RateCounts {
  @Field(() => Int, { description: 'Top-level items accepted (验收)' })
  closed: number;

  @Field(() => Int, { description: 'Top-level items counted: all but dismissed' })
  total: number;

  @Field(() => Int, { description: 'Top-level items dismissed, outside total' })
  dismissed: number;

  @Field(() => Float, { nullable: true, description: 'closed ÷ total from 0 to 1; null when total is 0' })
  rate: number | null;
}

@ObjectType('UnitRate')
export class UnitRate extends RateCounts {
  @Field(() => String)
  unitCode: string;
}

@ObjectType('RectificationRateReport')
export class RectificationRateReport {
  @Field(() => RateCounts)
  overall: RateCounts;

  @Field(() => [UnitRate], { description: 'Per responsible unit, by unit code' })
  byUnit: UnitRate[];
}

/** A unit's (or the campaign's) figures on the dashboard. */
@ObjectType('DashboardFigures')
export class DashboardFigures extends RateCounts {
  @Field(() => Int, { description: 'All items, sub-items included' })
  items: number;

  @Field(() => Int, { description: 'Past their deadline and not rectified (sub-items included)' })
  overdue: number;

  @Field(() => Int, { description: 'Deadline today or within the next 3 days, not settled' })
  dueSoon: number;

  @Field(() => Int, { description: 'Under listed supervision (挂牌督办)' })
  supervised: number;

  @Field(() => Int, { description: 'Accepted items whose look-back (回头看) is due' })
  lookBacksDue: number;

  @Field(() => Int, { description: 'Supervised items whose progress report is due' })
  supervisionReportsDue: number;
}

@ObjectType('UnitDashboard')
export class UnitDashboard extends DashboardFigures {
  @Field(() => String)
  unitCode: string;
}

@ObjectType('RectificationDashboard')
export class RectificationDashboard {
  @Field(() => String, { description: "Today in the campaign's time zone, the date the figures are for" })
  today: string;

  @Field(() => String)
  timeZone: string;

  @Field(() => DashboardFigures)
  overall: DashboardFigures;

  @Field(() => [UnitDashboard], { description: 'Per responsible unit, by unit code' })
  byUnit: UnitDashboard[];
}
