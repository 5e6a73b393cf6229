import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { localDateOf } from '@pingyi/domain';
import { Repository } from 'typeorm';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { assertUnitInScope, whereUnitInScope } from '../common/scoping';
import { checkText } from '../common/validation';
import { type FileUnitPlanInput } from './dto/organization.dto';
import { OrganizationService } from './organization.service';
import { UnitPlan } from './unit-plan.entity';
import { Transactions } from '../database/transactions';

/** Roles that see and file every unit's plan; a liaison only their own unit's. */
export const UNIT_PLAN_BUREAU_WIDE = [Role.admin, Role.office, Role.leader, Role.inspector] as const;
const FILERS_BUREAU_WIDE = [Role.admin, Role.office] as const;

/** 单位工作方案: each unit files its own plan during mobilization. */
@Injectable()
export class UnitPlanService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(UnitPlan) private readonly plans: Repository<UnitPlan>,
    private readonly campaigns: CampaignService,
    private readonly organization: OrganizationService,
  ) {}

  /** The plans of a campaign; a liaison sees only their unit's. */
  async list(ctx: RequestContext, campaignId: unknown): Promise<UnitPlan[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = this.plans
      .createQueryBuilder('plan')
      .where('plan.campaignId = :campaignId', { campaignId: campaign.id });
    return whereUnitInScope(query, ctx, UNIT_PLAN_BUREAU_WIDE).orderBy('plan.unitCode', 'ASC').getMany();
  }

  /**
   * Files (or re-files) a unit's plan: open only in the phases the domain's
   * gating allows (`fileUnitPlan`, mobilization); a liaison files for their
   * own unit only; the unit must be one of the campaign's.
   */
  async file(
    ctx: RequestContext,
    campaignId: unknown,
    input: FileUnitPlanInput,
    now: Date = new Date(),
  ): Promise<UnitPlan> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const title = checkText(input?.title, 'input.title', { max: 200 });
    const body = checkText(input?.body, 'input.body', { max: 50_000 });
    const unit = await this.organization.unitOrThrow(campaign, input?.unitCode, 'input.unitCode');
    assertUnitInScope(ctx, unit.code, FILERS_BUREAU_WIDE, 'input.unitCode');
    assertCampaignActionOpen(campaign, 'fileUnitPlan', now);
    return this.transactions.run(async (manager) => {
      const existing = await manager.findOneBy(UnitPlan, { campaignId: campaign.id, unitCode: unit.code });
      const filed = { title, body, filedOn: localDateOf(now, campaign.timeZone), filedBy: ctx.userOrThrow.username };
      if (existing) return manager.save(Object.assign(existing, filed, { revision: existing.revision + 1 }));
      return manager.save(
        manager.create(UnitPlan, {
          bureauId: campaign.bureauId,
          campaignId: campaign.id,
          unitCode: unit.code,
          ...filed,
          revision: 1,
        }),
      );
    });
  }
}
