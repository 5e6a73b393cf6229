import { Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { QueryFlag } from '../common/query-flag';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { PaperBatchService } from './paper-batch.service';

/** The answer to an upload: the batch and its keyings (poll `paperBatch(id)` for progress). */
interface UploadAnswer {
  readonly batch: {
    readonly id: string;
    readonly code: string;
    readonly state: string;
    readonly ballots: number;
    readonly spoilt: number;
    readonly message: string | null;
    readonly keyings: readonly {
      id: string;
      keying: number;
      state: string;
      rows: number;
      problemCount: number;
      problems: unknown[];
      repeatOfBatchId: string | null;
    }[];
  };
}

/**
 * Keyed paper ballots over HTTP, with the same bearer token as GraphQL:
 * `POST /paper-batches/:id/keyings/:keying?name=FILE.csv[&wait=1][&allowRepeatOf=ID]`
 * with the raw CSV or XLSX bytes as the body (at most 64 MB). Sheets another
 * batch holds already are refused (`REPEATED_BATCH` in the report, naming it)
 * unless `allowRepeatOf` names that batch; such a repeat is audited. Answers 202 at once
 * (the file is checked in the background: poll `paperBatch`), or with
 * `wait=1` once it is checked and, for a single-keyed batch, imported.
 */
@Controller('paper-batches')
export class PaperBallotController {
  constructor(private readonly batches: PaperBatchService) {}

  @Post(':id/keyings/:keying')
  @HttpCode(202)
  @Allow(Role.admin, Role.office)
  async upload(
    @Ctx() ctx: RequestContext,
    @Req() req: AsyncIterable<Uint8Array>,
    @Param('id') id: string,
    @Param('keying') keying: string,
    @Query('name') name: string | undefined,
    @QueryFlag('wait') wait: boolean,
    @Query('allowRepeatOf') allowRepeatOf: string | undefined,
  ): Promise<UploadAnswer> {
    const batch = await this.batches.upload(ctx, {
      batchId: id,
      keying,
      fileName: name,
      body: req,
      wait,
      allowRepeatOf,
    });
    return {
      batch: {
        id: String(batch.id),
        code: batch.code,
        state: batch.state,
        ballots: batch.ballots,
        spoilt: batch.spoilt,
        message: batch.message,
        keyings: (batch.keyings ?? []).map((k) => ({
          id: String(k.id),
          keying: k.keying,
          state: k.state,
          rows: k.rows,
          problemCount: k.problemCount,
          repeatOfBatchId:
            k.repeatOfBatchId === null || k.repeatOfBatchId === undefined ? null : String(k.repeatOfBatchId),
          problems: k.report ? (JSON.parse(k.report) as unknown[]) : [],
        })),
      },
    };
  }
}
