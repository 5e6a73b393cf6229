import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PingyiError } from '@pingyi/domain';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { User } from '../auth/user.entity';
import { type ListOptions, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { checkId, checkList } from '../common/validation';
import { type Inbox } from './dto/inbox.dto';
import { InboxEntry } from './inbox-entry.entity';
import { InboxRead } from './inbox-read.entity';

const ENTRY_LIST = {
  sortable: { createdAt: 'entry.createdAt' },
  defaultSort: [['createdAt', SortOrder.DESC]],
} as const;

/**
 * Each user's in-app inbox: the notifications addressed to them (their
 * unit's liaisons, the office, the inspectors, or them by name as a
 * supervising leader) with their own read marks. Modules write them with
 * {@link notify}; today's alerts come from the rectification module.
 */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async inbox(ctx: RequestContext, options?: ListOptions | null, unreadOnly = false): Promise<Inbox> {
    const visible = await this.visibleEntries(ctx);
    const unread = await visible()
      .andWhere('NOT EXISTS (SELECT 1 FROM inbox_read r WHERE r.entry_id = entry.id AND r.user_id = :me)', {
        me: ctx.userOrThrow.id,
      })
      .getCount();
    const query = visible();
    if (unreadOnly)
      query.andWhere('NOT EXISTS (SELECT 1 FROM inbox_read r WHERE r.entry_id = entry.id AND r.user_id = :me)', {
        me: ctx.userOrThrow.id,
      });
    const page = await paginate(query, options, ENTRY_LIST);
    const readIds = new Set(
      page.items.length === 0
        ? []
        : (
            await this.dataSource.manager.find(InboxRead, {
              where: { userId: ctx.userOrThrow.id, entryId: In(page.items.map((e) => e.id)) },
            })
          ).map((r) => r.entryId),
    );
    for (const entry of page.items) entry.read = readIds.has(entry.id);
    return { unread, notifications: page };
  }

  /** Marks notifications visible to the caller as read; returns how many were newly marked. */
  async markRead(ctx: RequestContext, ids: unknown): Promise<number> {
    const wanted = checkList(ids, 'ids', 500, (id, at) => checkId(id, at), 1);
    const visible = await this.visibleEntries(ctx);
    const found = await visible()
      .andWhere('entry.id IN (:...wanted)', { wanted })
      .select('entry.id', 'id')
      .getRawMany<{ id: number }>();
    const missing = wanted.filter((id) => !found.some((row) => Number(row.id) === id));
    if (missing.length > 0)
      throw new PingyiError('NOT_FOUND', `no notification with id ${missing.join(', ')} for you`, 'ids');
    const userId = ctx.userOrThrow.id;
    const already = new Set(
      (await this.dataSource.manager.find(InboxRead, { where: { userId, entryId: In(wanted) } })).map((r) => r.entryId),
    );
    const fresh = [...new Set(wanted)].filter((id) => !already.has(id));
    if (fresh.length > 0) {
      await this.dataSource.manager
        .createQueryBuilder()
        .insert()
        .into(InboxRead)
        .values(fresh.map((entryId) => ({ entryId, userId, readAt: new Date() })))
        .orIgnore()
        .execute();
    }
    return fresh.length;
  }

  /** A query factory for the notifications the caller may see. */
  private async visibleEntries(ctx: RequestContext): Promise<() => SelectQueryBuilder<InboxEntry>> {
    const user = ctx.userOrThrow;
    const names: string[] = [user.username.toLowerCase()];
    if (user.roles.includes(Role.leader)) {
      const row = await this.dataSource.manager.findOne(User, {
        select: { displayName: true },
        where: { id: user.id },
      });
      if (row) names.push(row.displayName.trim().toLowerCase());
    }
    return () =>
      this.dataSource
        .getRepository(InboxEntry)
        .createQueryBuilder('entry')
        .where('entry.bureauId = :bureauId', { bureauId: user.bureauId })
        .andWhere(
          new Brackets((q) => {
            q.where('1 = 0');
            if (user.roles.includes(Role.liaison) && user.unitCode)
              q.orWhere("(entry.target = 'unit' AND entry.unitCode = :unitCode)", { unitCode: user.unitCode });
            if (user.roles.includes(Role.office) || user.roles.includes(Role.admin))
              q.orWhere("entry.target = 'office'");
            if (user.roles.includes(Role.inspector)) q.orWhere("entry.target = 'inspectors'");
            if (user.roles.includes(Role.leader))
              q.orWhere("(entry.target = 'supervisingLeader' AND LOWER(entry.person) IN (:...names))", { names });
          }),
        );
  }
}
