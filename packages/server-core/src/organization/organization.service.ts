import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { buildUnitTree, parseLeadingGroup, PingyiError, refusal } from '@pingyi/domain';
import { type EntityManager, Repository } from 'typeorm';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { CampaignChangeFeed } from '../campaign/campaign-change-feed';
import { checkAt } from '../common/rethrow-at';
import { type RequestContext } from '../common/request-context';
import { type UnitDirectory } from '../common/unit-directory';
import { checkCode, checkList, checkOneOf, checkOptionalText, checkText } from '../common/validation';
import { assertUnreferenced } from '../database/reference-usage';
import { AppraisalOfficeMember } from './appraisal-office-member.entity';
import { type AppraisalOfficeMemberInput, type LeadingGroupInput, type UnitInput } from './dto/organization.dto';
import { LeadingGroupMember } from './leading-group-member.entity';
import { Unit } from './unit.entity';
import { Transactions } from '../database/transactions';

const MAX_UNITS = 500;

/** A campaign's organization: the unit tree, the leading group and the appraisal office. */
@Injectable()
export class OrganizationService implements UnitDirectory {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(LeadingGroupMember) private readonly seats: Repository<LeadingGroupMember>,
    @InjectRepository(AppraisalOfficeMember) private readonly office: Repository<AppraisalOfficeMember>,
    private readonly campaigns: CampaignService,
    private readonly changeFeed: CampaignChangeFeed,
  ) {}

  /** The units of a campaign of the caller's bureau, in tree (input) order. */
  async listUnits(ctx: RequestContext, campaignId: unknown): Promise<Unit[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    return this.unitsOf(campaign.id);
  }

  /**
   * The bureau's units over all its campaigns, one per code (codes are stable
   * from year to year), named as in the latest campaign that has it: what a
   * liaison's account may name.
   */
  async bureauUnits(ctx: RequestContext): Promise<Unit[]> {
    const rows = await this.units.find({
      where: { bureauId: ctx.bureauId },
      order: { campaignId: 'DESC', sortOrder: 'ASC' },
    });
    const byCode = new Map<string, Unit>();
    for (const unit of rows) if (!byCode.has(unit.code)) byCode.set(unit.code, unit);
    return [...byCode.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  }

  /**
   * Whether a liaison may name this unit: a unit of one of the bureau's
   * campaigns. A bureau with no unit tree yet cannot be checked, so any code
   * is taken there (the console's picker offers only existing units).
   */
  async hasUnit(bureauId: number, unitCode: string): Promise<boolean> {
    if (await this.units.existsBy({ bureauId, code: unitCode })) return true;
    return !(await this.units.existsBy({ bureauId }));
  }

  /** The units of a campaign already checked to be the caller's. */
  unitsOf(campaignId: number, manager?: EntityManager): Promise<Unit[]> {
    return (manager?.getRepository(Unit) ?? this.units).find({ where: { campaignId }, order: { sortOrder: 'ASC' } });
  }

  /** The unit with `code` in the campaign; `UNKNOWN_UNIT` at `path` otherwise. */
  async unitOrThrow(campaign: Campaign, code: unknown, path: string, manager?: EntityManager): Promise<Unit> {
    const unitCode = checkCode(code, path);
    const unit = await (manager?.getRepository(Unit) ?? this.units).findOneBy({
      campaignId: campaign.id,
      code: unitCode,
    });
    if (!unit)
      throw new PingyiError('UNKNOWN_UNIT', `"${unitCode}" is not a unit of the campaign ${campaign.name}`, path, {
        unit: unitCode,
      });
    return unit;
  }

  /**
   * Replaces the unit tree as a whole (validated by the domain). Units are
   * matched by code, so ids stay; a unit that any row still names (every
   * foreign key to `unit`, and liaison accounts) cannot be removed (`IN_USE`,
   * naming what uses it).
   */
  async setUnits(
    ctx: RequestContext,
    campaignId: unknown,
    rawUnits: unknown,
    options: { manager?: EntityManager } = {},
  ): Promise<Unit[]> {
    const units = checkList(rawUnits, 'units', MAX_UNITS, (raw, at) => {
      const unit = (raw ?? {}) as Partial<UnitInput>;
      return {
        code: checkCode(unit.code, `${at}.code`),
        name: checkText(unit.name, `${at}.name`, { max: 100 }),
        parentCode:
          unit.parentCode === null || unit.parentCode === undefined || unit.parentCode === ''
            ? null
            : checkCode(unit.parentCode, `${at}.parentCode`),
        appraised: unit.appraised,
        // undefined: keep the stored series; null or '': none
        seriesCode:
          unit.seriesCode === undefined
            ? undefined
            : unit.seriesCode === null || unit.seriesCode === ''
              ? null
              : checkCode(unit.seriesCode, `${at}.seriesCode`),
      };
    });
    const seriesOf = new Map(units.map((unit) => [unit.code, unit.seriesCode]));
    const tree = buildUnitTree(units, 'units');
    let changed: number | undefined;
    const work = async (manager: EntityManager): Promise<Unit[]> => {
      const campaign = await this.campaigns.findWritableOrThrow(ctx, campaignId, 'campaignId', manager);
      changed = campaign.id;
      const existing = new Map((await this.unitsOf(campaign.id, manager)).map((unit) => [unit.code, unit]));
      const known = new Set(campaign.series.map((series) => series.code));
      units.forEach((unit, i) => {
        if (unit.seriesCode && !known.has(unit.seriesCode)) {
          const list = campaign.series.map((series) => `${series.code} (${series.label})`).join(', ') || 'none';
          throw refusal(
            'INVALID_ARGUMENT',
            'unknownSeries',
            { code: unit.seriesCode, known: list },
            `units[${i}].seriesCode`,
          );
        }
      });
      const removed = [...existing.values()].filter((unit) => !tree.byCode.has(unit.code));
      for (const unit of removed)
        await assertUnreferenced(manager, Unit, unit, { kind: 'unit', code: unit.code, name: unit.name }, 'units');
      if (removed.length > 0)
        await manager.delete(
          Unit,
          removed.map((unit) => unit.id),
        );
      const rows = tree.units.map((unit, sortOrder) =>
        manager.create(Unit, {
          ...(existing.has(unit.code) ? { id: existing.get(unit.code)?.id } : {}),
          bureauId: campaign.bureauId,
          campaignId: campaign.id,
          code: unit.code,
          name: unit.name,
          parentCode: unit.parentCode ?? null,
          appraised: unit.appraised,
          sortOrder,
          seriesCode:
            seriesOf.get(unit.code) === undefined
              ? (existing.get(unit.code)?.seriesCode ?? null)
              : (seriesOf.get(unit.code) ?? null),
        }),
      );
      await manager.save(rows, { chunk: 100 });
      return this.unitsOf(campaign.id, manager);
    };
    const saved = await (options.manager ? work(options.manager) : this.transactions.run(work));
    if (changed !== undefined) this.changeFeed.changed(changed);
    return saved;
  }

  async leadingGroup(ctx: RequestContext, campaignId: unknown): Promise<LeadingGroupMember[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    return this.seats.find({ where: { campaignId: campaign.id }, order: { sortOrder: 'ASC' } });
  }

  /** Replaces the leading group; the domain requires exactly one leader (组长). */
  async setLeadingGroup(
    ctx: RequestContext,
    campaignId: unknown,
    input: LeadingGroupInput,
    options: { manager?: EntityManager } = {},
  ): Promise<LeadingGroupMember[]> {
    const seats = checkList(input?.seats, 'input.seats', 100, (raw, at) => {
      const seat = (raw ?? {}) as Record<string, unknown>;
      const name = checkOptionalText(seat.name, `${at}.name`, { max: 100 });
      return {
        role: checkOneOf(seat.role, `${at}.role`, ['leader', 'deputyLeader', 'member'] as const),
        ...(name === null ? {} : { name }),
        position: checkText(seat.position, `${at}.position`, { max: 200 }),
      };
    });
    const group = checkAt('', () => parseLeadingGroup({ seats }, 'input'), { INVALID_PLAN: 'INVALID_ARGUMENT' });
    const work = async (manager: EntityManager): Promise<LeadingGroupMember[]> => {
      const campaign = await this.campaigns.findWritableOrThrow(ctx, campaignId, 'campaignId', manager);
      await manager.delete(LeadingGroupMember, { campaignId: campaign.id });
      const rows = group.seats.map((seat, sortOrder) =>
        manager.create(LeadingGroupMember, {
          bureauId: campaign.bureauId,
          campaignId: campaign.id,
          role: seat.role,
          name: seat.name ?? null,
          position: seat.position,
          sortOrder,
        }),
      );
      return manager.save(rows);
    };
    return options.manager ? work(options.manager) : this.transactions.run(work);
  }

  async appraisalOffice(ctx: RequestContext, campaignId: unknown): Promise<AppraisalOfficeMember[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    return this.office.find({ where: { campaignId: campaign.id }, order: { sortOrder: 'ASC' } });
  }

  /** Replaces the appraisal office's members. */
  async setAppraisalOffice(
    ctx: RequestContext,
    campaignId: unknown,
    input: unknown,
    options: { manager?: EntityManager } = {},
  ): Promise<AppraisalOfficeMember[]> {
    const members = checkList(input, 'members', 100, (raw, at) => {
      const member = (raw ?? {}) as Partial<AppraisalOfficeMemberInput>;
      return {
        name: checkText(member.name, `${at}.name`, { max: 100 }),
        position: checkOptionalText(member.position, `${at}.position`, { max: 200 }),
        duty: checkOptionalText(member.duty, `${at}.duty`, { max: 500 }),
      };
    });
    const work = async (manager: EntityManager): Promise<AppraisalOfficeMember[]> => {
      const campaign = await this.campaigns.findWritableOrThrow(ctx, campaignId, 'campaignId', manager);
      await manager.delete(AppraisalOfficeMember, { campaignId: campaign.id });
      return manager.save(
        members.map((member, sortOrder) =>
          manager.create(AppraisalOfficeMember, {
            bureauId: campaign.bureauId,
            campaignId: campaign.id,
            ...member,
            sortOrder,
          }),
        ),
      );
    };
    return options.manager ? work(options.manager) : this.transactions.run(work);
  }
}
