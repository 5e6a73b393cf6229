import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  assertActionAllowed,
  type CampaignAction,
  type CampaignCalendar,
  type LocalDate,
  localDateOf,
  PingyiError,
  SEED_PLAN,
} from '@pingyi/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertNotArchived, calendarOf } from '../campaign/campaign-calendar';
import { Campaign } from '../campaign/campaign.entity';
import { Unit } from '../organization/unit.entity';
import { type RequestContext } from '../common/request-context';
import { checkCode, checkId } from '../common/validation';
import { RECTIFICATION_CLOCK, type RectificationClock, SYSTEM_CLOCK } from './rectification-clock';

/** What rectification and supervision need to know about a campaign. */
export interface RectificationCampaign {
  readonly id: number;
  readonly name: string;
  /** The domain's calendar of the campaign, for phase gating. */
  readonly calendar: CampaignCalendar;
  /** The bureau's time zone for this campaign: "today", deadlines, overdue. */
  readonly timeZone: string;
  /** Codes of the inspection focus areas (明查暗访重点). */
  readonly inspectionFocuses: readonly string[];
  /** Archived campaigns are read-only. */
  readonly archivedAt: Date | null;
}

/** The seed plan's focus areas: safety, lawEnforcementQuality, serviceAttitude, efficiency, conduct. */
export const INSPECTION_FOCUSES: readonly string[] = SEED_PLAN.inspectionFocuses.map((focus) => focus.code);

/**
 * The campaign side of rectification and supervision: finding the campaign
 * in the caller's bureau, phase gating with the domain's
 * `assertActionAllowed`, and "today" in the campaign's time zone, read from
 * one clock (the system's, or a test's through {@link RECTIFICATION_CLOCK}).
 */
@Injectable()
export class RectificationCampaigns {
  private readonly clock: RectificationClock;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(RECTIFICATION_CLOCK) clock?: RectificationClock,
  ) {
    this.clock = clock ?? SYSTEM_CLOCK;
  }

  /** The current instant. */
  now(): Date {
    return this.clock.now();
  }

  /** The campaign of the caller's bureau; `NOT_FOUND` at `path` otherwise. */
  async findOrThrow(
    ctx: RequestContext,
    campaignId: unknown,
    path = 'campaignId',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RectificationCampaign> {
    const id = checkId(campaignId, path);
    const campaign = await manager.findOne(Campaign, {
      select: { id: true, name: true, startDate: true, endDate: true, timeZone: true, phases: true, archivedAt: true },
      where: { id, bureauId: ctx.bureauId },
    });
    if (!campaign) throw new PingyiError('NOT_FOUND', `no campaign with id ${id} in your bureau`, path);
    return {
      id,
      name: campaign.name,
      calendar: calendarOf(campaign),
      timeZone: campaign.timeZone,
      inspectionFocuses: INSPECTION_FOCUSES,
      archivedAt: campaign.archivedAt,
    };
  }

  /** The unit codes of the campaign (the organization module's unit tree). */
  async unitCodes(
    campaign: RectificationCampaign,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    return new Set(
      (await manager.find(Unit, { select: { code: true }, where: { campaignId: campaign.id } })).map(
        (unit) => unit.code,
      ),
    );
  }

  /** Unit names by code, for documents. */
  async unitNames(campaign: RectificationCampaign): Promise<Map<string, string>> {
    return new Map(
      (
        await this.dataSource.manager.find(Unit, {
          select: { code: true, name: true },
          where: { campaignId: campaign.id },
        })
      ).map((unit) => [unit.code, unit.name]),
    );
  }

  /** A unit code of the campaign; `UNKNOWN_UNIT` at `path` otherwise. */
  async unitOrThrow(
    campaign: RectificationCampaign,
    code: unknown,
    path: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const unitCode = checkCode(code, path);
    if (!(await manager.existsBy(Unit, { campaignId: campaign.id, code: unitCode }))) {
      throw new PingyiError('UNKNOWN_UNIT', `"${unitCode}" is not a unit of the campaign ${campaign.name}`, path, {
        unit: unitCode,
      });
    }
    return unitCode;
  }

  /** Throws `PHASE_CLOSED` (naming the window, its dates and time zone) unless `action` is open at `now`. */
  assertOpen(campaign: RectificationCampaign, action: CampaignAction, now: Date): void {
    assertNotArchived(campaign);
    assertActionAllowed(campaign.calendar, action, now);
  }

  /** The local date of `now` in the campaign's time zone. */
  today(campaign: RectificationCampaign, now: Date): LocalDate {
    return localDateOf(now, campaign.timeZone);
  }
}
