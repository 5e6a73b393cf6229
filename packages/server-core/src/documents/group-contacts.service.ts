import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { localDateOf, PingyiError, refusal } from '@pingyi/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ParticipationService } from '../appraisal/participation.service';
import { assertNotArchived } from '../campaign/campaign-calendar';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { checkCode, checkText } from '../common/validation';
import { Transactions } from '../database/transactions';
import { notify } from '../inbox/inbox-notifier';
import { RectificationCampaigns } from '../rectification/rectification-campaigns.service';
import { type GroupContactInput } from './dto/group-contact.dto';
import { EvaluatorGroupContact } from './group-contact.entity';
import { GroupReminder } from './group-reminder.entity';

/** The most contacts one evaluator group may have. */
export const MAX_GROUP_CONTACTS = 20;

const PHONE = {
  regex: /^[0-9+\-() ]{3,30}(?:(?:转|ext\.?|x)\s?[0-9]{1,6})?$/i,
  description: 'a telephone number (digits, spaces, + - ( ), optional extension)',
};
const EMAIL = { regex: /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/, description: 'an e-mail address' };

const optional = (
  value: string | null | undefined,
  path: string,
  rule: Parameters<typeof checkText>[2],
): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : checkText(value, path, rule);

/**
 * Contacts of the evaluator groups and reminders to them (催办). A reminder
 * carries the group's count against its quota (the `participation` figures)
 * and nothing finer: no unit, no day's count, no evaluator.
 */
@Injectable()
export class GroupContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly campaigns: CampaignService,
    private readonly participation: ParticipationService,
    private readonly clock: RectificationCampaigns,
  ) {}

  async contacts(ctx: RequestContext, campaignId: unknown): Promise<EvaluatorGroupContact[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    return this.dataSource.manager.find(EvaluatorGroupContact, {
      where: { bureauId: ctx.bureauId, campaignId: campaign.id },
      order: { evaluatorGroupCode: 'ASC', sortOrder: 'ASC', id: 'ASC' },
    });
  }

  /** Replaces the contacts of one group, as a whole. */
  async setContacts(
    ctx: RequestContext,
    campaignId: unknown,
    groupCode: unknown,
    input: readonly GroupContactInput[] | null | undefined,
  ): Promise<{ groupCode: string; contacts: EvaluatorGroupContact[] }> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    assertNotArchived(campaign);
    const code = this.groupOf(campaign, groupCode).code;
    const list = input ?? [];
    if (list.length > MAX_GROUP_CONTACTS)
      throw refusal('INVALID_ARGUMENT', 'tooManyContacts', { max: MAX_GROUP_CONTACTS, count: list.length }, 'contacts');
    const rows = list.map((contact, i) => ({
      bureauId: ctx.bureauId,
      campaignId: campaign.id,
      evaluatorGroupCode: code,
      name: checkText(contact.name, `contacts[${i}].name`, { max: 100 }),
      organization: optional(contact.organization, `contacts[${i}].organization`, { max: 200 }),
      phone: optional(contact.phone, `contacts[${i}].phone`, { max: 40, pattern: PHONE }),
      email: optional(contact.email, `contacts[${i}].email`, { max: 200, pattern: EMAIL }),
      sortOrder: i,
    }));
    await this.transactions.run(async (manager) => {
      await manager.delete(EvaluatorGroupContact, {
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
        evaluatorGroupCode: code,
      });
      if (rows.length > 0) await manager.insert(EvaluatorGroupContact, rows);
    });
    const contacts = await this.dataSource.manager.find(EvaluatorGroupContact, {
      where: { campaignId: campaign.id, evaluatorGroupCode: code },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
    return { groupCode: code, contacts };
  }

  /** Sends a reminder: the group's count against its quota, to the inbox and as a notice; audit-logged as a mutation. */
  async sendReminder(ctx: RequestContext, campaignId: unknown, groupCode: unknown): Promise<GroupReminder> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    assertNotArchived(campaign);
    const group = this.groupOf(campaign, groupCode);
    const contacts = await this.dataSource.manager.countBy(EvaluatorGroupContact, {
      campaignId: campaign.id,
      evaluatorGroupCode: group.code,
    });
    if (contacts === 0)
      throw refusal('NO_CONTACTS', 'groupHasNoContacts', { group: group.code, label: group.label }, 'groupCode');
    const figures = (await this.participation.participation(ctx, campaign.id)).groups.find(
      (g) => g.code === group.code,
    );
    const ballots = figures?.ballots ?? 0;
    const sentOn = localDateOf(this.clock.now(), campaign.timeZone);
    const id = await this.transactions.run(async (manager: EntityManager) => {
      const saved = await manager.save(
        manager.create(GroupReminder, {
          bureauId: ctx.bureauId,
          campaignId: campaign.id,
          evaluatorGroupCode: group.code,
          ballots,
          quota: group.quota,
          sentOn,
          sentBy: ctx.userOrThrow.username,
          contactCount: contacts,
        }),
      );
      const rate = group.quota === 0 ? '—' : `${(Math.round((ballots / group.quota) * 10_000) / 100).toFixed(2)}%`;
      await notify(manager, [
        {
          bureauId: ctx.bureauId,
          campaignId: campaign.id,
          target: 'office',
          unitCode: '',
          subjectType: 'groupReminder',
          subjectId: saved.id,
          reason: 'sendGroupReminder',
          sentence: {
            key: 'notifyGroupReminder',
            params: { group: group.label, ballots, quota: group.quota, rate, contacts },
          },
        },
      ]);
      return saved.id;
    });
    return this.reminderOrThrow(ctx, id);
  }

  async reminders(ctx: RequestContext, campaignId: unknown): Promise<GroupReminder[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const rows = await this.dataSource.manager.find(GroupReminder, {
      where: { bureauId: ctx.bureauId, campaignId: campaign.id },
      order: { id: 'DESC' },
      take: 500,
    });
    const labels = new Map(campaign.evaluatorGroups.map((g) => [g.code, g.label]));
    return rows.map((row) =>
      Object.assign(row, { groupLabel: labels.get(row.evaluatorGroupCode) ?? row.evaluatorGroupCode }),
    );
  }

  /** One reminder of the caller's bureau, with its campaign, group and contacts (the notice document's content). */
  async reminderOrThrow(ctx: RequestContext, id: number): Promise<GroupReminder> {
    const row = await this.dataSource.manager.findOneBy(GroupReminder, { id, bureauId: ctx.bureauId });
    if (!row) throw new PingyiError('NOT_FOUND', `no reminder ${id} in your bureau`, 'id');
    const campaign = await this.campaigns.findOrThrow(ctx, row.campaignId, 'id');
    return Object.assign(row, {
      groupLabel:
        campaign.evaluatorGroups.find((g) => g.code === row.evaluatorGroupCode)?.label ?? row.evaluatorGroupCode,
    });
  }

  private groupOf(campaign: Campaign, groupCode: unknown): Campaign['evaluatorGroups'][number] {
    const code = checkCode(groupCode, 'groupCode');
    const group = campaign.evaluatorGroups.find((g) => g.code === code);
    if (!group)
      throw new PingyiError(
        'UNKNOWN_GROUP',
        `"${code}" is not an evaluator group of the campaign ${campaign.name}`,
        'groupCode',
        { group: code },
      );
    return group;
  }
}
