import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { refusal } from '@pingyi/domain';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { checkId } from '../common/validation';
import { type OfficialDocument } from './content/document-model';
import { DocumentsService } from './documents.service';
import { DOCUMENT_FORMATS, DOCUMENT_TYPES, type DocumentFormat, renderDocument } from './render';

interface DownloadResponse {
  setHeader(name: string, value: string): void;
  send(body: Buffer): void;
}

const attachmentHeader = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

function formatOf(value: string | undefined): DocumentFormat {
  const format = value ?? 'docx';
  if (!(DOCUMENT_FORMATS as readonly string[]).includes(format))
    throw refusal('INVALID_ARGUMENT', 'documentFormat', { format: format.slice(0, 20) }, 'format');
  return format as DocumentFormat;
}

/**
 * The office's documents as downloads, with the bearer token, `?format=docx`
 * (default) or `pdf`:
 * `GET /documents/:campaignId/results-notice`, `…/feedback-letter/:unitCode[?deadline=YYYY-MM-DD]`,
 * `…/rectification-report`, `GET /documents/reminders/:id`.
 */
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('reminders/:id')
  @Allow(Role.admin, Role.office, Role.leader)
  async reminder(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Res() res: DownloadResponse,
  ): Promise<void> {
    await this.send(res, format, () => this.documents.reminderNotice(ctx, checkId(id, 'id')));
  }

  @Get(':campaignId/results-notice')
  @Allow(Role.admin, Role.office, Role.leader)
  async resultsNotice(
    @Ctx() ctx: RequestContext,
    @Param('campaignId') campaignId: string,
    @Query('format') format: string | undefined,
    @Res() res: DownloadResponse,
  ): Promise<void> {
    await this.send(res, format, () => this.documents.resultsNotice(ctx, campaignId));
  }

  @Get(':campaignId/feedback-letter/:unitCode')
  @Allow(Role.admin, Role.office, Role.leader, Role.liaison)
  async feedbackLetter(
    @Ctx() ctx: RequestContext,
    @Param('campaignId') campaignId: string,
    @Param('unitCode') unitCode: string,
    @Query('format') format: string | undefined,
    @Query('deadline') deadline: string | undefined,
    @Res() res: DownloadResponse,
  ): Promise<void> {
    await this.send(res, format, () => this.documents.feedbackLetter(ctx, campaignId, unitCode, deadline));
  }

  @Get(':campaignId/rectification-report')
  @Allow(Role.admin, Role.office, Role.leader)
  async rectificationReport(
    @Ctx() ctx: RequestContext,
    @Param('campaignId') campaignId: string,
    @Query('format') format: string | undefined,
    @Res() res: DownloadResponse,
  ): Promise<void> {
    await this.send(res, format, () => this.documents.rectificationReport(ctx, campaignId));
  }

  /** Checks the format before anything is read, then renders the document and sends it as a download. */
  private async send(
    res: DownloadResponse,
    requested: string | undefined,
    load: () => Promise<OfficialDocument>,
  ): Promise<void> {
    const format = formatOf(requested);
    const doc = await load();
    const body = await renderDocument(doc, format);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Type', DOCUMENT_TYPES[format]);
    res.setHeader('Content-Disposition', attachmentHeader(`${doc.fileName}.${format}`));
    res.send(body);
  }
}
