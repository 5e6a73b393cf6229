import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { appraisalPageCount, MAX_LEVELS, newCampaignKey, newSerial, opinionPageCount } from '@pingyi/omr';
import { PingyiError, refusal } from '@pingyi/domain';
import { Repository } from 'typeorm';
import { groupOfCampaign } from '../access-code/access-code.service';
import { bulkInsertSteps } from '../access-code/bulk-insert';
import { Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { checkId, checkInt, checkOneOf } from '../common/validation';
import { type SqlStep, type StepRows } from '../database/sql-steps';
import { Transactions } from '../database/transactions';
import { CampaignBallotRulesService } from '../ballot-casting/campaign-ballot-rules.service';
import { type CreatePrintRunInput } from './dto/paper-print.dto';
import { PrintedSheet } from './printed-sheet.entity';
import { PrintRun, type PrintRunLayout, PrintSheetKind } from './print-run.entity';
import { SheetLabelKey } from './sheet-label-key.entity';

/** Most sheets one print run (one PDF) may hold. */
export const MAX_SHEETS_PER_RUN = 5_000;
/** Group indexes a sheet label can carry (0–99). */
const MAX_GROUPS = 100;
/** Tries before a serial or key collision (about 1 in 10^15 per pair) is given up on. */
const TRIES = 4;

/** The label kind of a print run's sheets. */
export const labelKindOf = (kind: PrintSheetKind): 'A' | 'O' => (kind === PrintSheetKind.APPRAISAL ? 'A' : 'O');

/** The printed sheet a serial names. */
export interface SheetOfSerial {
  readonly printRunId: number;
  readonly groupCode: string;
  readonly kind: PrintSheetKind;
}

/** A print run with everything its PDF needs. */
export interface PrintJob {
  readonly run: PrintRun;
  readonly campaignKey: string;
  /** The serials in the order they were made: one sheet each. */
  readonly serials: readonly string[];
}

const isUniqueViolation = (error: unknown): boolean => {
  const { code } = (error ?? {}) as { code?: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

/**
 * 印制: print runs of blank appraisal sheets and opinion forms, each sheet
 * with a random serial (never linked to a person), the campaign's label key,
 * and what the scan reader asks of them.
 */
@Injectable()
export class PrintRunService {
  constructor(
    @InjectRepository(PrintRun) private readonly runs: Repository<PrintRun>,
    @InjectRepository(PrintedSheet) private readonly sheets: Repository<PrintedSheet>,
    @InjectRepository(SheetLabelKey) private readonly keys: Repository<SheetLabelKey>,
    private readonly ballotRules: CampaignBallotRulesService,
    private readonly campaigns: CampaignService,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Prints `sheets` sheets of one kind for an evaluator group: the run and
   * every serial in one transaction (the campaign's label key made on its
   * first run). `DOCUMENT_TOO_LARGE` past {@link MAX_SHEETS_PER_RUN}.
   */
  async create(ctx: RequestContext, input: CreatePrintRunInput): Promise<PrintRun> {
    const campaign = await this.campaigns.findWritableOrThrow(ctx, input?.campaignId, 'input.campaignId');
    const group = groupOfCampaign(campaign, input.groupCode, 'input.groupCode');
    const kind = checkOneOf(input.kind, 'input.kind', Object.values(PrintSheetKind));
    if (typeof input.sheets === 'number' && Number.isInteger(input.sheets) && input.sheets > MAX_SHEETS_PER_RUN)
      throw refusal(
        'DOCUMENT_TOO_LARGE',
        'documentTooLarge',
        { count: input.sheets, max: MAX_SHEETS_PER_RUN, what: 'sheets', whatZh: '张表' },
        'input.sheets',
      );
    const count = checkInt(input.sheets, 'input.sheets', 1, MAX_SHEETS_PER_RUN);
    const groupIndex = campaign.evaluatorGroups.findIndex((candidate) => candidate.code === group.code);
    if (groupIndex >= MAX_GROUPS)
      throw new PingyiError('INVALID_ARGUMENT', `a sheet label names at most ${MAX_GROUPS} groups`, 'input.groupCode');
    const layout = await this.layoutOf(campaign, group.label);
    const pagesPerSheet =
      kind === PrintSheetKind.APPRAISAL
        ? appraisalPageCount(layout.units.length)
        : opinionPageCount(layout.units.length);
    const createdBy = ctx.userOrThrow.username;

    for (let attempt = 1; ; attempt += 1) {
      const serials = new Set<string>();
      while (serials.size < count) serials.add(newSerial());
      const steps: (SqlStep | ((rows: StepRows) => Iterable<SqlStep>))[] = [
        {
          sql: 'INSERT INTO sheet_label_key (bureau_id, campaign_id, campaign_key) VALUES (?, ?, ?) ON CONFLICT (campaign_id) DO NOTHING',
          params: [campaign.bureauId, campaign.id, newCampaignKey()],
        },
        {
          sql: `INSERT INTO print_run (bureau_id, campaign_id, kind, evaluator_group_code, group_index, sheets, pages_per_sheet, layout, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          params: [
            campaign.bureauId,
            campaign.id,
            kind,
            group.code,
            groupIndex,
            count,
            pagesPerSheet,
            JSON.stringify(layout),
            createdBy,
          ],
          returnsRows: true,
          expectChanges: 1,
        },
        (rows) => {
          const runId = Number(rows[rows.length - 1]?.[0]?.id);
          return bulkInsertSteps(
            this.transactions.dialect,
            'printed_sheet',
            [
              { name: 'bureau_id', pgType: 'integer' },
              { name: 'campaign_id', pgType: 'integer' },
              { name: 'serial', pgType: 'varchar' },
              { name: 'print_run_id', pgType: 'integer' },
              { name: 'evaluator_group_code', pgType: 'varchar' },
              { name: 'kind', pgType: 'varchar' },
            ],
            [...serials].map((serial) => [campaign.bureauId, campaign.id, serial, runId, group.code, kind]),
          );
        },
      ];
      try {
        const outcome = await this.transactions.steps(steps);
        if (!outcome.ok) throw new Error(`print run not stored (step ${outcome.failed})`);
        const runId = Number(outcome.rows[outcome.rows.length - 1]?.[0]?.id);
        return await this.runs.findOneByOrFail({ id: runId });
      } catch (error) {
        // a serial the campaign already has, or a label key another campaign drew: draw again
        if (!isUniqueViolation(error) || attempt >= TRIES) throw error;
      }
    }
  }

  /** The print runs of a campaign, newest first. */
  async list(ctx: RequestContext, campaignId: unknown): Promise<PrintRun[]> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    return this.runs.find({
      where: { campaignId: campaign.id, bureauId: ctx.bureauId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** A print run of the caller's bureau with its serials and label key; `NOT_FOUND` otherwise. */
  async job(ctx: RequestContext, id: unknown): Promise<PrintJob> {
    const runId = checkId(id, 'id');
    const run = await this.runs.findOneBy({ id: runId, bureauId: ctx.bureauId });
    if (!run) throw new PingyiError('NOT_FOUND', `no print run with id ${runId} in your bureau`, 'id');
    const [key, rows] = await Promise.all([
      this.keys.findOneByOrFail({ campaignId: run.campaignId }),
      this.sheets.find({ select: { id: true, serial: true }, where: { printRunId: run.id }, order: { id: 'ASC' } }),
    ]);
    return { run, campaignKey: key.campaignKey, serials: rows.map((row) => row.serial) };
  }

  // What the scan reader asks (no caller: a scanned label names its campaign by its key).

  /** The label key the campaign's sheets carry, or null before its first print run. */
  async campaignKeyOf(campaignId: number): Promise<string | null> {
    const key = await this.keys.findOneBy({ campaignId });
    return key ? key.campaignKey : null;
  }

  /** The print run, group and kind of the campaign's sheet with this serial, or null. */
  async sheetOfSerial(campaignId: number, serial: string): Promise<SheetOfSerial | null> {
    if (typeof serial !== 'string' || serial.length !== 10) return null;
    const sheet = await this.sheets.findOneBy({ campaignId, serial });
    return sheet ? { printRunId: sheet.printRunId, groupCode: sheet.evaluatorGroupCode, kind: sheet.kind } : null;
  }

  /** The units (appraised, ballot order) and levels a sheet of the campaign shows now. */
  private async layoutOf(campaign: Campaign, groupLabel: string): Promise<PrintRunLayout> {
    // the units a ballot of the campaign rates, in its order: the rows of the sheet
    const units = (await this.ballotRules.rulesOf(campaign.id)).units.map(({ code, name }) => ({ code, name }));
    const levels = campaign.policy.scale.map((level) => ({ code: level.code, label: level.label }));
    if (units.length === 0)
      throw new PingyiError('INVALID_ARGUMENT', 'the campaign has no appraised units to print', 'input.campaignId');
    if (levels.length < 2 || levels.length > MAX_LEVELS)
      throw new PingyiError(
        'INVALID_ARGUMENT',
        `a printed sheet holds 2 to ${MAX_LEVELS} levels, the campaign's scale has ${levels.length}`,
        'input.campaignId',
      );
    return { campaignTitle: campaign.name, groupLabel, units, levels };
  }
}
