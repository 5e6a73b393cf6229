import { chineseDate, type OfficialDocument, paragraph } from './document-model';

/** A problem the office merged from opinions about the unit (`OpinionProblem`). */
export interface LetterProblem {
  readonly title: string;
  readonly description: string | null;
  readonly opinionCount: number;
}

export interface FeedbackLetterInput {
  readonly issuer: string;
  readonly campaignName: string;
  readonly year: number;
  readonly unitName: string;
  readonly problems: readonly LetterProblem[];
  /** Opinions about the unit still not merged into any problem. */
  readonly unmergedOpinions: number;
  /** Local dates (YYYY-MM-DD). */
  readonly deadline: string;
  readonly issuedOn: string;
}

/** 意见建议反馈函: the problems raised about one unit, how many opinions each merged, and when to answer. */
export function feedbackLetter(input: FeedbackLetterInput): OfficialDocument {
  const opinions = input.problems.reduce((sum, problem) => sum + problem.opinionCount, 0);
  return {
    fileName: `${input.year}年度民主评议意见建议反馈函（${input.unitName}）`,
    issuer: input.issuer,
    title: `关于反馈${input.year}年度民主评议意见建议的函`,
    addressee: `${input.unitName}：`,
    opening: [
      `在${input.campaignName}中，评议对象对你单位提出了意见建议。评议办公室逐条审阅，将${opinions}条意见归并为${input.problems.length}个问题，现反馈给你单位，请认真研究办理。`,
    ],
    sections: [
      {
        heading: '意见建议归并情况',
        blocks:
          input.problems.length === 0
            ? [paragraph('本次评议中，评议办公室尚未就你单位归并意见建议。')]
            : [
                {
                  type: 'table',
                  caption: '表1  意见建议归并问题清单',
                  columns: ['序号', '问题', '具体情况', '归并意见（条）'],
                  align: ['center', 'left', 'left', 'right'],
                  widths: [0.8, 3, 4, 1.4],
                  rows: input.problems.map((problem, i) => [
                    String(i + 1),
                    problem.title,
                    problem.description ?? '—',
                    String(problem.opinionCount),
                  ]),
                  totalRow: ['', '合计', '', String(opinions)],
                },
                ...(input.unmergedOpinions > 0
                  ? [paragraph(`另有${input.unmergedOpinions}条意见尚在审阅，归并后另行反馈。`)]
                  : []),
              ],
      },
      {
        heading: '办理要求',
        blocks: [
          paragraph(
            '请你单位对上述问题逐项研究，能立即整改的立即整改，一时难以解决的制定整改方案、明确责任人和时限，并向提出意见的群众做好解释回应。',
          ),
          paragraph(`请于${chineseDate(input.deadline)}前将办理情况书面反馈评议办公室，逾期未反馈的予以通报。`),
        ],
      },
    ],
    date: chineseDate(input.issuedOn),
  };
}
