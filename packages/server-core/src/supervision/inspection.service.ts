import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PingyiError } from '@pingyi/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { whereBureau } from '../common/scoping';
import {
  checkCode,
  checkId,
  checkIsoDate,
  checkList,
  checkOneOf,
  checkOptionalText,
  checkText,
} from '../common/validation';
import { type RectificationCampaign, RectificationCampaigns } from '../rectification/rectification-campaigns.service';
import { RectificationItem } from '../rectification/rectification-item.entity';
import { RectificationItemService } from '../rectification/rectification-item.service';
import { RectificationSourceLink } from '../rectification/rectification-source.entity';
import { RectificationSources } from '../rectification/rectification-sources.service';
import {
  type InspectionFilter,
  type InspectionFindingInput,
  type OpenItemFromFindingInput,
  type RecordInspectionInput,
} from './dto/inspection.dto';
import { InspectionFinding } from './inspection-finding.entity';
import { Inspection } from './inspection.entity';
import { supervisionScopeOf } from './supervision-access';
import { notifyUnitAndOffice } from './supervision-notify';
import { INSPECTION_KINDS } from './supervision-enums';
import { Transactions } from '../database/transactions';

const LIST = {
  sortable: { date: 'inspection.date', id: 'inspection.id', unitCode: 'inspection.unitCode' },
  defaultSort: [['date', SortOrder.DESC]],
} as const;
const MAX_FINDINGS = 50;

/**
 * 明查暗访: inspections of units on the campaign's focus areas, their
 * findings, and the rectification items opened from findings (linked as
 * their source). Inspectors and the office write; leaders read; a liaison
 * reads the inspections of their own unit.
 */
@Injectable()
export class InspectionService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: RectificationCampaigns,
    private readonly items: RectificationItemService,
    private readonly sources: RectificationSources,
  ) {}

  // items may cite a finding as their source only when it exists in the bureau
  onModuleInit(): void {
    this.sources.register(
      'inspectionFinding',
      (manager, scope, sourceId) =>
        /^[1-9]\d{0,14}$/.test(sourceId)
          ? manager.existsBy(InspectionFinding, {
              id: Number(sourceId),
              bureauId: scope.bureauId,
              inspection: { campaignId: scope.campaignId },
            })
          : Promise.resolve(false),
      async (manager, bureauId, ids) => {
        const numeric = ids.filter((id) => /^[1-9]\d{0,14}$/.test(id)).map(Number);
        const findings = numeric.length
          ? await manager.find(InspectionFinding, {
              select: { id: true, text: true },
              where: { bureauId, id: In(numeric) },
            })
          : [];
        return new Map(findings.map((finding) => [String(finding.id), finding.text]));
      },
    );
  }

  async list(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: InspectionFilter | null,
  ): Promise<Page<Inspection>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = whereBureau(this.dataSource.getRepository(Inspection).createQueryBuilder('inspection'), ctx)
      .leftJoinAndSelect('inspection.findings', 'finding')
      .andWhere('inspection.campaignId = :campaignId', { campaignId: campaign.id });
    const scope = supervisionScopeOf(ctx);
    if (scope) query.andWhere('inspection.unitCode = :scope', { scope });
    if (filter?.unitCode)
      query.andWhere('inspection.unitCode = :unitCode', { unitCode: checkCode(filter.unitCode, 'filter.unitCode') });
    if (filter?.kind)
      query.andWhere('inspection.kind = :kind', { kind: checkOneOf(filter.kind, 'filter.kind', INSPECTION_KINDS) });
    if (filter?.focusArea) {
      // simple-array text: match the code as a whole element
      const focus = checkOneOf(filter.focusArea, 'filter.focusArea', campaign.inspectionFocuses);
      query.andWhere("(',' || inspection.focusAreas || ',') LIKE :focus", { focus: `%,${focus},%` });
    }
    const page = await paginate(query, options, LIST);
    await this.attachItems(ctx, campaign, page.items);
    return page;
  }

  async findOrThrow(
    ctx: RequestContext,
    id: unknown,
    path = 'id',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Inspection> {
    const inspectionId = checkId(id, path);
    const scope = supervisionScopeOf(ctx);
    const found = await manager.findOne(Inspection, {
      where: { id: inspectionId, bureauId: ctx.bureauId, ...(scope ? { unitCode: scope } : {}) },
      relations: { findings: true },
      order: { findings: { id: 'ASC' } },
    });
    if (!found) throw new PingyiError('NOT_FOUND', `no inspection with id ${inspectionId} for you`, path);
    return found;
  }

  async detail(ctx: RequestContext, id: unknown): Promise<Inspection> {
    const inspection = await this.findOrThrow(ctx, id);
    await this.attachItems(ctx, await this.campaigns.findOrThrow(ctx, inspection.campaignId), [inspection]);
    return inspection;
  }

  async record(ctx: RequestContext, input: RecordInspectionInput): Promise<Inspection> {
    const campaign = await this.campaigns.findOrThrow(ctx, input.campaignId, 'input.campaignId');
    const now = this.campaigns.now();
    this.campaigns.assertOpen(campaign, 'recordInspection', now);
    const date = checkIsoDate(input.date, 'input.date');
    const today = this.campaigns.today(campaign, now);
    if (date > today)
      throw new PingyiError(
        'INVALID_ARGUMENT',
        `${date} is after today ${today}: record an inspection once it has taken place`,
        'input.date',
      );
    const focusAreas = [
      ...new Set(
        checkList(
          input.focusAreas,
          'input.focusAreas',
          10,
          (v, at) => checkOneOf(v, at, campaign.inspectionFocuses),
          1,
        ),
      ),
    ];
    const fields = {
      kind: checkOneOf(input.kind, 'input.kind', INSPECTION_KINDS),
      date,
      unitCode: await this.campaigns.unitOrThrow(campaign, input.unitCode, 'input.unitCode'),
      focusAreas,
      summary: checkText(input.summary, 'input.summary', { max: 20_000 }),
      inspectors: checkOptionalText(input.inspectors, 'input.inspectors', { max: 200 }),
    };
    const findings = checkList(input.findings ?? [], 'input.findings', MAX_FINDINGS, (v, at) =>
      this.checkFinding(v as InspectionFindingInput, at, focusAreas),
    );
    const id = await this.transactions.run(async (manager) => {
      const saved = await manager.save(
        manager.create(Inspection, {
          ...fields,
          bureauId: ctx.bureauId,
          campaignId: campaign.id,
          createdBy: ctx.userOrThrow.username,
        }),
      );
      if (findings.length > 0)
        await manager.insert(
          InspectionFinding,
          findings.map((f) => ({ ...f, bureauId: ctx.bureauId, inspectionId: saved.id })),
        );
      await notifyUnitAndOffice(manager, ctx, {
        campaignId: campaign.id,
        unitCode: saved.unitCode,
        subjectType: 'inspection',
        subjectId: saved.id,
        reason: 'recordInspection',
        sentence: {
          key: 'notifyInspection',
          params: {
            kind: saved.kind === 'open' ? 'Open inspection' : 'Covert inspection',
            kindZh: saved.kind === 'open' ? '明查' : '暗访',
            date: saved.date,
            count: findings.length,
          },
        },
      });
      return saved.id;
    });
    return this.detail(ctx, id);
  }

  async addFinding(
    ctx: RequestContext,
    inspectionId: unknown,
    input: InspectionFindingInput,
  ): Promise<InspectionFinding> {
    const inspection = await this.findOrThrow(ctx, inspectionId, 'inspectionId');
    const campaign = await this.campaigns.findOrThrow(ctx, inspection.campaignId);
    this.campaigns.assertOpen(campaign, 'recordInspection', this.campaigns.now());
    const finding = this.checkFinding(input, 'input', inspection.focusAreas);
    const saved = await this.dataSource.manager.save(
      this.dataSource.manager.create(InspectionFinding, {
        ...finding,
        bureauId: ctx.bureauId,
        inspectionId: inspection.id,
      }),
    );
    saved.items = [];
    return saved;
  }

  /** Opens a rectification item from a finding (立项), for the inspected unit unless told otherwise, linked to the finding. */
  async openItemFromFinding(
    ctx: RequestContext,
    findingId: unknown,
    input: OpenItemFromFindingInput | null | undefined,
  ): Promise<RectificationItem> {
    const id = checkId(findingId, 'findingId');
    const finding = await this.dataSource.manager.findOne(InspectionFinding, {
      where: { id, bureauId: ctx.bureauId },
      relations: { inspection: true },
    });
    const inspection = finding?.inspection;
    if (!finding || !inspection)
      throw new PingyiError('NOT_FOUND', `no inspection finding with id ${id} in your bureau`, 'findingId');
    return this.items.open(ctx, {
      campaignId: String(inspection.campaignId),
      unitCode: input?.unitCode ?? inspection.unitCode,
      title: input?.title ?? [...finding.text.trim()].slice(0, 200).join(''),
      description: input?.description ?? finding.text,
      sources: [{ type: 'inspectionFinding', id: String(finding.id) }],
      sourceNote: `${inspection.kind === 'open' ? '明查' : '暗访'} ${inspection.date} ${inspection.unitCode}`,
      parentId: input?.parentId ?? null,
      weight: input?.weight ?? null,
    });
  }

  private checkFinding(
    input: InspectionFindingInput,
    at: string,
    focusAreas: readonly string[],
  ): Pick<InspectionFinding, 'focusArea' | 'text'> {
    return {
      focusArea: checkOneOf(input?.focusArea, `${at}.focusArea`, focusAreas),
      text: checkText(input?.text, `${at}.text`, { max: 5000 }),
    };
  }

  /** Fills each finding's `items` (the items opened from it, in the caller's scope) with one query per page. */
  private async attachItems(
    ctx: RequestContext,
    campaign: RectificationCampaign,
    inspections: Inspection[],
  ): Promise<void> {
    const findings = inspections.flatMap((inspection) => inspection.findings ?? []);
    for (const finding of findings) finding.items = [];
    if (findings.length === 0) return;
    const links = await this.dataSource.manager.find(RectificationSourceLink, {
      where: {
        bureauId: ctx.bureauId,
        sourceType: 'inspectionFinding',
        sourceId: In(findings.map((f) => String(f.id))),
      },
    });
    if (links.length === 0) return;
    const scope = supervisionScopeOf(ctx);
    const items = await this.dataSource.manager.find(RectificationItem, {
      where: {
        id: In([...new Set(links.map((l) => l.itemId))]),
        bureauId: ctx.bureauId,
        ...(scope ? { unitCode: scope } : {}),
      },
      order: { id: 'ASC' },
    });
    const byId = new Map(this.items.present(ctx, campaign, this.campaigns.now(), items).map((item) => [item.id, item]));
    for (const finding of findings) {
      finding.items = links.filter((l) => l.sourceId === String(finding.id)).flatMap((l) => byId.get(l.itemId) ?? []);
    }
  }
}
