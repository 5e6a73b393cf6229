import { Injectable } from '@nestjs/common';
import { refusal } from '@pingyi/domain';
import { type EntityManager } from 'typeorm';
import { BallotBoxService, BOX_LOCK_CLASS } from '../ballot-box/ballot-box.service';
import { tallyStampStep } from '../ballot-box/tally-stamp';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { checkText } from '../common/validation';
import { Transactions } from '../database/transactions';
import { PaperBatch, PaperBatchState } from './paper-batch.entity';
import { PaperBatchService } from './paper-batch.service';

/**
 * Withdraws (撤回) an imported paper batch: its ballots leave the tallies. The
 * ballots a batch imported carry its id (paper ballots name no person, only
 * the stack they were keyed from), in the counted tables and sealed in the
 * ballot box until mixed, so exactly that batch's ballots are removed and no
 * online ballot is opened to anyone or mixed early. The batch keeps its
 * counts and shows the reason; its sheets may be imported again in another batch.
 */
@Injectable()
export class PaperWithdrawalService {
  constructor(
    private readonly transactions: Transactions,
    private readonly batches: PaperBatchService,
    private readonly campaigns: CampaignService,
    private readonly box: BallotBoxService,
  ) {}

  async withdraw(ctx: RequestContext, id: unknown, rawReason: unknown, now: Date = new Date()): Promise<PaperBatch> {
    const reason = checkText(rawReason, 'reason', { max: 500 });
    const found = await this.batches.findOrThrow(ctx, id);
    const campaign = await this.campaigns.findWritableOrThrow(ctx, found.campaignId, 'id');
    // the import window: after it, withdrawing would change results the vote has closed on
    assertCampaignActionOpen(campaign, 'importPaperBallots', now);
    await this.transactions.run(async (manager) => {
      const q = (sql: string, params: unknown[]) => this.transactions.queryWith(manager, sql, params);
      // the mixer counts a campaign's box under this lock: none of the batch's ballots moves meanwhile
      if (this.transactions.dialect === 'postgres')
        await q('SELECT pg_advisory_xact_lock(?, ?)', [BOX_LOCK_CLASS, campaign.id]);
      const batch = await manager.findOneBy(PaperBatch, { id: found.id });
      if (batch?.state !== PaperBatchState.imported)
        throw refusal(
          'BATCH_NOT_OPEN',
          'withdrawOnlyImported',
          { batch: found.code, state: batch?.state ?? 'gone' },
          'id',
        );
      await this.removeWaiting(manager, campaign.id, batch.id);
      await q('DELETE FROM rating WHERE ballot_id IN (SELECT id FROM ballot WHERE paper_batch_id = ?)', [batch.id]);
      await q('DELETE FROM ballot WHERE paper_batch_id = ?', [batch.id]);
      const restamp = tallyStampStep(campaign.id);
      await q(restamp.sql, [...(restamp.params ?? [])]);
      // its files no longer count as imported: the same sheets may be keyed into another batch
      await q(
        `UPDATE paper_keying SET state = 'superseded', active_checksum = NULL WHERE batch_id = ? AND state = 'valid'`,
        [batch.id],
      );
      await manager.update(PaperBatch, { id: batch.id }, { state: PaperBatchState.withdrawn, message: reason });
    });
    ctx.audit.change = {
      changes: [{ field: 'paperBatch.state', before: PaperBatchState.imported, after: PaperBatchState.withdrawn }],
      reason,
    };
    return this.batches.findOrThrow(ctx, found.id);
  }

  // the batch's ballots still sealed in the box (opened here only to read their batch)
  private async removeWaiting(manager: EntityManager, campaignId: number, batchId: number): Promise<void> {
    const postgres = this.transactions.dialect === 'postgres';
    const rows = (await manager.query(
      postgres ? 'SELECT id FROM ballot_box WHERE campaign_id = $1' : 'SELECT id FROM ballot_box WHERE campaign_id = ?',
      [campaignId],
    )) as { id: string }[];
    const mine = (
      await this.box.openEntries(
        rows.map((row) => String(row.id)),
        manager,
      )
    )
      .filter((entry) => entry.ballot.paperBatchId === batchId)
      .map((entry) => entry.id);
    for (let i = 0; i < mine.length; i += 200) {
      const chunk = mine.slice(i, i + 200);
      await manager.query(
        `DELETE FROM ballot_box WHERE id IN (${chunk.map((_, j) => (postgres ? `$${j + 1}` : '?')).join(', ')})`,
        chunk,
      );
    }
  }
}
