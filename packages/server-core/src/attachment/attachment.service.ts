import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPingyiError, PingyiError } from '@pingyi/domain';
import * as fs from 'node:fs';
import { DataSource } from 'typeorm';
import { AUDIT_SINK, type AuditSink } from '../common/audit-sink';
import { type RequestContext } from '../common/request-context';
import { unitScopeOf } from '../common/scoping';
import { checkId } from '../common/validation';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { BUREAU_WIDE_READERS } from '../rectification/rectification-access';
import { RectificationItemService } from '../rectification/rectification-item.service';
import { ATTACHMENT_TYPES, checkExtension, cleanFileName, MAX_ATTACHMENT_BYTES } from './attachment-rules';
import { AttachmentStore } from './attachment-store';
import { Attachment } from './attachment.entity';

/** An upload as the controller hands it over. */
export interface Upload {
  readonly itemId: unknown;
  readonly name: string | undefined;
  readonly contentType: string;
  /** Declared length, when the client sent one (refused early when too big). */
  readonly contentLength: number | null;
  readonly body: AsyncIterable<Uint8Array>;
}

/**
 * Evidence files of rectification items. Uploading needs the item to be in
 * the caller's scope (a liaison: their unit); so does reading. Uploads are
 * written to the audit log like mutations.
 */
@Injectable()
export class AttachmentService {
  private readonly store: AttachmentStore;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: RectificationItemService,
    @Inject(PINGYI_CONFIG) config: PingyiConfig,
    @Optional() @Inject(AUDIT_SINK) private readonly audit?: AuditSink,
  ) {
    this.store = new AttachmentStore(config.dataDir);
  }

  async upload(ctx: RequestContext, upload: Upload): Promise<Attachment> {
    const args = { itemId: upload.itemId, name: upload.name ?? null, contentType: upload.contentType };
    try {
      const attachment = await this.save(ctx, upload);
      await this.audit?.record(ctx, {
        operation: 'uploadAttachment',
        args: { ...args, size: attachment.size },
        success: true,
        errorCode: null,
      });
      return attachment;
    } catch (error) {
      const code = isPingyiError(error) ? error.code : 'INTERNAL';
      await this.audit?.record(ctx, { operation: 'uploadAttachment', args, success: false, errorCode: code });
      throw error;
    }
  }

  /** The metadata of an attachment in the caller's scope; `NOT_FOUND` otherwise. */
  async findOrThrow(ctx: RequestContext, id: unknown, path = 'id'): Promise<Attachment> {
    const attachmentId = checkId(id, path);
    const scope = unitScopeOf(ctx, BUREAU_WIDE_READERS);
    const found = await this.dataSource.manager.findOneBy(Attachment, {
      id: attachmentId,
      bureauId: ctx.bureauId,
      ...(scope ? { unitCode: scope } : {}),
    });
    if (!found)
      throw new PingyiError(
        'NOT_FOUND',
        `no attachment with id ${attachmentId} in your ${scope ? `unit ${scope}` : 'bureau'}`,
        path,
      );
    return found;
  }

  /** The file of an attachment in the caller's scope, to stream. */
  async open(ctx: RequestContext, id: unknown): Promise<{ attachment: Attachment; stream: fs.ReadStream }> {
    const attachment = await this.findOrThrow(ctx, id);
    const file = this.store.pathOf(attachment.sha256);
    if (!fs.existsSync(file))
      throw new PingyiError(
        'NOT_FOUND',
        `the file of attachment ${attachment.id} is missing from the data directory`,
        'id',
      );
    return { attachment, stream: fs.createReadStream(file) };
  }

  private async save(ctx: RequestContext, upload: Upload): Promise<Attachment> {
    const item = await this.items.loadOrThrow(ctx, upload.itemId, 'itemId');
    const name = cleanFileName(upload.name);
    if (name === null) throw new PingyiError('INVALID_ARGUMENT', 'give the file name as ?name=...', 'name');
    if (!Object.hasOwn(ATTACHMENT_TYPES, upload.contentType)) {
      throw new PingyiError(
        'UNSUPPORTED_MEDIA_TYPE',
        `${upload.contentType || 'no type'} is not accepted; send one of ${Object.keys(ATTACHMENT_TYPES).join(', ')}`,
        'content-type',
      );
    }
    checkExtension(name, upload.contentType);
    if (upload.contentLength !== null && upload.contentLength > MAX_ATTACHMENT_BYTES) {
      throw new PingyiError(
        'PAYLOAD_TOO_LARGE',
        `the file is ${upload.contentLength} bytes; the limit is ${MAX_ATTACHMENT_BYTES}`,
        'body',
      );
    }
    const stored = await this.store.save(upload.body, upload.contentType, MAX_ATTACHMENT_BYTES);
    return this.dataSource.manager.save(
      this.dataSource.manager.create(Attachment, {
        bureauId: ctx.bureauId,
        campaignId: item.campaignId,
        itemId: item.id,
        unitCode: item.unitCode,
        name,
        contentType: upload.contentType,
        size: stored.size,
        sha256: stored.sha256,
        uploadedBy: ctx.userOrThrow.username,
      }),
    );
  }
}
