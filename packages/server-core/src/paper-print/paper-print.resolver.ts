import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { CreatePrintRunInput, CreatePrintRunResult } from './dto/paper-print.dto';
import { PrintRun } from './print-run.entity';
import { PrintRunService } from './print-run.service';

/** Who prints sheets and downloads them: the paper batches' rule (liaisons, leaders and inspectors refused). */
export const PRINTERS = [Role.admin, Role.office] as const;

/** The address of a print run's PDF, relative to the server. */
export const pdfUrlOf = (id: number | string): string => `/print-runs/${id}/pdf`;

/** 印制: print runs of blank appraisal sheets and opinion forms. The PDF arrives over REST. */
@Resolver(() => PrintRun)
export class PaperPrintResolver {
  constructor(private readonly runs: PrintRunService) {}

  @Mutation(() => CreatePrintRunResult.union, {
    description:
      'Prints sheets for an evaluator group: each gets a random serial (never linked to a person); download the PDF at pdfUrl',
  })
  @Allow(...PRINTERS)
  createPrintRun(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => CreatePrintRunInput }) input: CreatePrintRunInput,
  ) {
    return CreatePrintRunResult.run(() => this.runs.create(ctx, input));
  }

  @Query(() => [PrintRun], { description: 'Print runs of a campaign, newest first' })
  @Allow(...PRINTERS)
  printRuns(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<PrintRun[]> {
    return this.runs.list(ctx, campaignId);
  }

  @ResolveField(() => String, { description: "The evaluator group's label when printed" })
  @Allow(...PRINTERS)
  groupLabel(@Parent() run: PrintRun): string {
    return run.layout.groupLabel;
  }

  @ResolveField(() => String, { description: 'GET it with the bearer token: the PDF of every sheet (A4)' })
  @Allow(...PRINTERS)
  pdfUrl(@Parent() run: PrintRun): string {
    return pdfUrlOf(run.id);
  }
}
