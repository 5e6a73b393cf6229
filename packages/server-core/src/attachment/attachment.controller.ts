import { Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { ALL_RECTIFICATION_ROLES } from '../rectification/rectification-access';
import { ATTACHMENT_TYPES, mediaTypeOf } from './attachment-rules';
import { Attachment } from './attachment.entity';
import { AttachmentService } from './attachment.service';

interface FileResponse {
  setHeader(name: string, value: string): void;
}
interface Pipeable {
  pipe(destination: FileResponse): void;
}

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Evidence files over HTTP, with the same bearer token as GraphQL:
 * `POST /attachments?itemId=ID&name=FILE` with the raw bytes as the body and
 * the file's type as `Content-Type` (at most 10 MiB; images, PDF, office
 * documents; the extension and the sniffed content must agree with the type),
 * and `GET /attachments/ID` to download (always as an attachment).
 */
@Controller('attachments')
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  @Post()
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector)
  upload(
    @Ctx() ctx: RequestContext,
    @Req() req: AsyncIterable<Uint8Array>,
    @Query('itemId') itemId: string | undefined,
    @Query('name') name: string | undefined,
    @Headers('content-type') contentType: string | undefined,
    @Headers('content-length') contentLength: string | undefined,
  ): Promise<Attachment> {
    const length = contentLength !== undefined && /^\d+$/.test(contentLength) ? Number(contentLength) : null;
    return this.attachments.upload(ctx, {
      itemId,
      name,
      contentType: mediaTypeOf(contentType),
      contentLength: length,
      body: req,
    });
  }

  @Get(':id')
  @Allow(...ALL_RECTIFICATION_ROLES)
  async download(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res() res: FileResponse): Promise<void> {
    const { attachment, stream } = await this.attachments.open(ctx, id);
    // always a download, never rendered by the browser as a page of this origin
    res.setHeader(
      'Content-Type',
      Object.hasOwn(ATTACHMENT_TYPES, attachment.contentType) ? attachment.contentType : 'application/octet-stream',
    );
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader('Content-Disposition', contentDisposition(attachment.name));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    (stream as unknown as Pipeable).pipe(res);
  }
}
