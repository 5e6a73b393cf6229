import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { parseThemes, refusal } from '@pingyi/domain';
import { type EntityManager, Repository } from 'typeorm';
import { CampaignService } from '../campaign/campaign.service';
import { checkAt } from '../common/rethrow-at';
import { type RequestContext } from '../common/request-context';
import { checkCode, checkInt, checkList, checkOneOf, checkText } from '../common/validation';
import { type ThemeInput } from './dto/work-plan.dto';
import { Theme } from './theme.entity';
import { WorkItem } from './work-item.entity';
import { Transactions } from '../database/transactions';

const SOURCE_GAPS = ['title', 'text', 'leadUnits', 'number'] as const;

/** The themes of a campaign's work plan, edited as a whole. */
@Injectable()
export class ThemeService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(Theme) private readonly themes: Repository<Theme>,
    private readonly campaigns: CampaignService,
  ) {}

  async list(ctx: RequestContext, campaignId: unknown): Promise<Theme[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    return this.themes.find({ where: { campaignId: campaign.id }, order: { number: 'ASC' } });
  }

  /** Replaces the themes (validated by the domain); a theme that still has work items stays (`IN_USE`). */
  async setThemes(
    ctx: RequestContext,
    campaignId: unknown,
    input: unknown,
    options: { manager?: EntityManager } = {},
  ): Promise<Theme[]> {
    const raw = checkList(input, 'themes', 100, (value, at) => {
      const theme = (value ?? {}) as Partial<ThemeInput>;
      const sourceGaps = theme.sourceGaps
        ? checkList(theme.sourceGaps, `${at}.sourceGaps`, 4, (gap, gapAt) => checkOneOf(gap, gapAt, SOURCE_GAPS))
        : undefined;
      return {
        code: checkCode(theme.code, `${at}.code`),
        number: checkInt(theme.number, `${at}.number`, 1, 999),
        title: checkText(theme.title ?? '', `${at}.title`, { min: 0, max: 200 }),
        ...(sourceGaps ? { sourceGaps } : {}),
      };
    });
    const themes = checkAt('', () => parseThemes(raw, 'themes'), { INVALID_PLAN: 'INVALID_ARGUMENT' });
    const work = async (manager: EntityManager): Promise<Theme[]> => {
      const campaign = await this.campaigns.findWritableOrThrow(ctx, campaignId, 'campaignId', manager);
      const existing = new Map(
        (await manager.findBy(Theme, { campaignId: campaign.id })).map((theme) => [theme.code, theme]),
      );
      for (const theme of existing.values()) {
        if (themes.some((t) => t.code === theme.code)) continue;
        const items = await manager.countBy(WorkItem, { themeId: theme.id });
        if (items > 0)
          throw refusal('IN_USE', 'themeHasItems', { code: theme.code, title: theme.title, count: items }, 'themes');
        await manager.delete(Theme, { id: theme.id });
      }
      await manager.save(
        themes.map((theme) =>
          manager.create(Theme, {
            ...(existing.has(theme.code) ? { id: existing.get(theme.code)?.id } : {}),
            bureauId: campaign.bureauId,
            campaignId: campaign.id,
            code: theme.code,
            number: theme.number,
            title: theme.title,
            sourceGaps: [...(theme.sourceGaps ?? [])],
          }),
        ),
      );
      return manager.find(Theme, { where: { campaignId: campaign.id }, order: { number: 'ASC' } });
    };
    return options.manager ? work(options.manager) : this.transactions.run(work);
  }
}
