import { addDays, daysBetween, type LocalDate } from '@pingyi/domain';
import { type OpinionToStore } from '../appraisal/ballot-storage.service';
import { OpinionStatus } from '../appraisal/opinion.entity';
import { DemoRandom } from './demo-random';

// Templated opinions (意见表) about the seed's appraised units: praise,
// complaints and suggestions, as evaluators commonly word them.
const ABOUT: Readonly<Record<string, readonly string[]>> = {
  'traffic-police': [
    '早晚高峰主要路口拥堵严重，希望增加警力现场疏导。',
    '违章处理窗口排队时间长，建议扩大网上办理范围。',
    '事故处理民警态度好、效率高，值得肯定。',
    '学校门口上下学时段秩序混乱，希望加强管理。',
    '部分路段信号灯配时不合理，建议调整。',
  ],
  'patrol-special-police': [
    '夜间街面巡逻明显增多，群众安全感提高。',
    '希望在城乡结合部增加巡逻频次。',
    '110出警速度快，处置得当。',
    '大型活动安保工作有序，秩序良好。',
  ],
  'public-order': [
    '娱乐场所周边噪音扰民问题反映多次仍未解决。',
    '出租屋流动人口管理需要加强。',
    '户籍窗口服务热情，一次就办好了。',
    '希望加大对电信诈骗的宣传力度。',
  ],
  'border-defense': [
    '沿海村庄治安较好，边防民警经常走访。',
    '希望及时通报渔船出海安全信息。',
    '对边防工作了解不多，建议加强宣传。',
  ],
  'legal-affairs': [
    '行政复议办理周期较长，希望提速。',
    '执法程序越来越规范，案件办理公开透明。',
    '建议对执法标准进行更多公开解读。',
    '投诉后的答复较为笼统，希望说明具体处理结果。',
  ],
  'detention-management': [
    '律师会见预约流程需进一步简化。',
    '家属送物办理规范，工作人员耐心解答。',
    '希望公开监管场所的开放日安排。',
  ],
};
const GENERIC = [
  '希望进一步改进工作作风，提高办事效率。',
  '总体满意，希望继续保持。',
  '部分民警言行不够规范，希望加强教育管理。',
];

/**
 * A deterministic set of `count` opinions spread over the units (more on the
 * units with more complaints, as `weights` says), groups and days, with a mix
 * of review statuses. Marked as demo data.
 */
export function generateDemoOpinions(spec: {
  readonly seed: number;
  readonly count: number;
  readonly units: readonly { readonly code: string; readonly weight: number }[];
  readonly groups: readonly { readonly code: string; readonly quota: number }[];
  readonly from: LocalDate;
  readonly to: LocalDate;
}): OpinionToStore[] {
  const random = new DemoRandom(spec.seed);
  const days = daysBetween(spec.from, spec.to) + 1;
  const statuses = [
    OpinionStatus.pending,
    OpinionStatus.verified,
    OpinionStatus.notActionable,
    OpinionStatus.duplicate,
  ];
  return Array.from({ length: spec.count }, () => {
    const unit = spec.units[random.weighted(spec.units.map((u) => u.weight))]?.code as string;
    const texts = random.next() < 0.8 ? (ABOUT[unit] ?? GENERIC) : GENERIC;
    return {
      unitCode: unit,
      evaluatorGroupCode: spec.groups[random.weighted(spec.groups.map((g) => g.quota))]?.code as string,
      text: random.pick(texts),
      receivedOn: addDays(spec.from, random.below(days)),
      status: statuses[random.weighted([55, 25, 12, 8])] as OpinionStatus,
      isDemo: true,
    };
  });
}
