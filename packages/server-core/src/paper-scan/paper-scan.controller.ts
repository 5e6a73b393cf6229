import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { QueryFlag } from '../common/query-flag';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { ScanBatchService } from './scan-batch.service';

interface PngResponse {
  setHeader(name: string, value: string): void;
  send(body: Buffer): void;
}

/**
 * Scans over HTTP, with the same bearer token as GraphQL:
 * `POST /paper-batches/:id/scans?name=FILE[&wait=1]` with the raw bytes of a
 * PDF, TIFF, PNG, JPEG or ZIP of them (at most 256 MB) answers 202 at once
 * (poll `paperBatch { scan }`), or once read with `wait=1`;
 * `GET /paper-batches/:id/scan-crops/:reviewId` is the PNG crop a reviewer sees.
 */
@Controller('paper-batches')
export class PaperScanController {
  constructor(private readonly scans: ScanBatchService) {}

  @Post(':id/scans')
  @HttpCode(202)
  @Allow(Role.admin, Role.office)
  async upload(
    @Ctx() ctx: RequestContext,
    @Req() req: AsyncIterable<Uint8Array>,
    @Param('id') id: string,
    @Query('name') name: string | undefined,
    @QueryFlag('wait') wait: boolean,
  ): Promise<{ batch: { id: string; code: string; state: string } }> {
    const batch = await this.scans.upload(ctx, {
      batchId: id,
      fileName: name,
      body: req,
      wait,
    });
    return { batch: { id: String(batch.id), code: batch.code, state: batch.state } };
  }

  @Get(':id/scan-crops/:reviewId')
  @Allow(Role.admin, Role.office)
  async crop(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Param('reviewId') reviewId: string,
    @Res() res: PngResponse,
  ): Promise<void> {
    const png = await this.scans.crop(ctx, id, reviewId);
    res.setHeader('Content-Type', 'image/png');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(png);
  }
}
