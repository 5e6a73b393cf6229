import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { ALL_RECTIFICATION_ROLES } from './rectification-access';
import { LEDGER_LANGUAGES, LEDGER_TEXT, type LedgerLanguage } from './rectification-ledger-text';
import { RectificationLedgerService } from './rectification-ledger.service';

interface DownloadResponse {
  setHeader(name: string, value: string): void;
  send(body: Buffer | string): void;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachmentHeader = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The rectification ledger as a download, with the bearer token:
 * `GET /rectification-ledger/CAMPAIGN_ID?format=xlsx` (default) or `format=csv`,
 * in Chinese (default) or with `language=en` in English.
 */
@Controller('rectification-ledger')
export class RectificationLedgerController {
  constructor(private readonly ledger: RectificationLedgerService) {}

  @Get(':campaignId')
  @Allow(...ALL_RECTIFICATION_ROLES)
  async download(
    @Ctx() ctx: RequestContext,
    @Param('campaignId') campaignId: string,
    @Query('format') format: string | undefined,
    @Query('language') language: string | undefined,
    @Res() res: DownloadResponse,
  ): Promise<void> {
    const kind = format ?? 'xlsx';
    if (kind !== 'xlsx' && kind !== 'csv')
      throw new PingyiError('INVALID_ARGUMENT', `format must be xlsx or csv, got "${kind}"`, 'format');
    const words = language ?? 'zh';
    if (!(LEDGER_LANGUAGES as readonly string[]).includes(words))
      throw new PingyiError(
        'INVALID_ARGUMENT',
        `language must be ${LEDGER_LANGUAGES.join(' or ')}, got "${words}"`,
        'language',
      );
    const lang = words as LedgerLanguage;
    res.setHeader('Cache-Control', 'private, no-store');
    if (kind === 'csv') {
      const text = await this.ledger.csv(ctx, campaignId, lang);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', attachmentHeader(`${LEDGER_TEXT[lang].fileName}-${campaignId}.csv`));
      res.send(text);
      return;
    }
    const { fileName, content } = await this.ledger.xlsx(ctx, campaignId, lang);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', attachmentHeader(fileName));
    res.send(content);
  }
}
