import { Controller, Get, Param, Res } from '@nestjs/common';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { PRINTERS } from './paper-print.resolver';
import { PrintRunService } from './print-run.service';
import { KIND_TITLES, type PdfSink, streamSheetsPdf } from './sheet-pdf';

interface PdfResponse extends PdfSink {
  setHeader(name: string, value: string): void;
}

const attachmentHeader = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * A print run's sheets as one PDF, with the same bearer token as GraphQL:
 * `GET /print-runs/:id/pdf` (A4, streamed sheet by sheet). Another bureau's
 * run is 404.
 */
@Controller('print-runs')
export class PaperPrintController {
  constructor(private readonly runs: PrintRunService) {}

  @Get(':id/pdf')
  @Allow(...PRINTERS)
  async pdf(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res() res: PdfResponse): Promise<void> {
    const { run, campaignKey, serials } = await this.runs.job(ctx, id);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader(
      'Content-Disposition',
      attachmentHeader(`${KIND_TITLES[run.kind]}-${run.layout.groupLabel}-${run.id}（${run.sheets}张）.pdf`),
    );
    await streamSheetsPdf(
      { kind: run.kind, campaignKey, groupIndex: run.groupIndex, layout: run.layout, serials },
      res,
    );
  }
}
