import { describe, expect, it } from 'vitest';
import { totalQuota } from '../appraisal/evaluator-group.js';
import { SEED_RATING_SCALE } from '../appraisal/rating-scale.js';
import { phaseOn } from '../calendar/campaign-calendar.js';
import { SEED_CALENDAR_2026 } from '../calendar/calendar-fixtures.js';
import { assertActionAllowed } from '../calendar/phase-gating.js';
import { instantiatePlan, validateCampaignPlan } from './instantiate-plan.js';
import { SEED_PLAN } from './seed-plan.js';

describe('SEED_PLAN', () => {
  it('validates', () => {
    expect(validateCampaignPlan(SEED_PLAN)).toBe(SEED_PLAN);
  });

  it('has nine evaluator groups whose quotas add up to 10,000', () => {
    expect(SEED_PLAN.evaluatorGroups.map((group) => group.label)).toEqual([
      '党代表',
      '人大代表',
      '政协委员',
      '离退休干部',
      '监督员/记者',
      '基层负责人',
      '专业技术人员',
      '企业代表',
      '城乡居民',
    ]);
    expect(totalQuota(SEED_PLAN.evaluatorGroups)).toBe(10_000);
  });

  it('has the six objectives and four requirements, numbered, with the printed titles', () => {
    expect(SEED_PLAN.objectives.map((o) => `${o.number} ${o.title}`)).toEqual([
      '1 政令警令更加畅通',
      '2 大局意识更加牢固',
      '3 改革创新更加深入',
      '4 服务群众更加优质',
      '5 勤政廉洁更加注重',
      '6 工作业绩更加突出',
    ]);
    expect(SEED_PLAN.requirements.map((r) => r.title)).toEqual([
      '提高认识，加强领导',
      '统筹兼顾，注重效率',
      '广泛宣传，营造氛围',
      '强化督查，务求实效',
    ]);
    expect(SEED_PLAN.guidingPrinciple.text).toMatch(
      /^坚持以邓小平理论和“三个代表”重要思想为指导，.*提供强有力的服务和保障。$/,
    );
    expect(SEED_PLAN.objectives[5]?.text).toBe(
      '坚持实事求是，强化科学发展，努力执政为民，全面履行公安职能，各项公安任务圆满完成，“确保三个稳定，实现三个零增长”年度目标顺利实现。',
    );
  });

  it('keeps the work items as printed: elided ones, legible lead units, gaps marked', () => {
    const items = SEED_PLAN.workItems;
    expect(items).toHaveLength(21);
    expect(items.filter((item) => item.elided).map((item) => item.number)).toEqual([1, 2, 3]);
    expect(items.map((item) => `${item.themeCode}(${item.number}) ${item.leadUnitCodes.join('+')}`)).toEqual([
      'social-stability(1) ',
      'social-stability(2) ',
      'social-stability(3) ',
      'social-stability(4) traffic-police',
      'social-stability(5) patrol-special-police+public-order+border-defense',
      'social-stability(6) ',
      'theme-3(1) legal-affairs',
      'theme-3(2) legal-affairs',
      'theme-3(3) legal-affairs',
      'theme-3(4) detention-management+discipline-inspection',
      'police-image(1) ',
      'theme-5(1) political-department',
      'theme-5(2) ',
      'theme-5(4) discipline-inspection',
      'theme-5(5) general-office',
      'theme-5(6) logistics',
      'police-welfare(1) political-department',
      'police-welfare(2) political-department',
      'police-welfare(3) political-department',
      'police-welfare(4) discipline-inspection',
      'police-welfare(5) political-department+logistics',
    ]);
    // Every non-elided item without lead units says the source lost them.
    for (const item of items.filter((i) => !i.elided && i.leadUnitCodes.length === 0))
      expect(item.sourceGaps).toContain('leadUnits');
    expect(items.find((item) => item.number === 4 && item.themeCode === 'social-stability')?.text).toContain(
      '长效管理机制',
    );
    expect(items.some((item) => item.text.includes('下一页'))).toBe(false);
  });

  it('names the leading group, units and inspection focuses of the seed', () => {
    expect(SEED_PLAN.leadingGroup.seats.map((seat) => `${seat.role}:${seat.name ?? '-'}:${seat.position}`)).toEqual([
      'leader:王惠敏:市委常委、局长',
      'deputyLeader:贺富昌:市局党委副书记、副局长',
      'member:-:其他党委委员',
    ]);
    expect(SEED_PLAN.units.map((unit) => `${unit.code}=${unit.name}`)).toEqual(
      expect.arrayContaining([
        'traffic-police=交警支队',
        'patrol-special-police=巡特警支队',
        'public-order=治安支队',
        'border-defense=边防支队',
        'legal-affairs=法制处',
        'detention-management=监管支队',
        'discipline-inspection=纪委',
        'political-department=政治部',
        'general-office=办公室',
        'logistics=后勤处',
      ]),
    );
    expect(SEED_PLAN.inspectionFocuses.map((focus) => focus.code)).toEqual([
      'safety',
      'lawEnforcementQuality',
      'serviceAttitude',
      'efficiency',
      'conduct',
    ]);
    expect(SEED_PLAN.scale).toBe(SEED_RATING_SCALE);
  });
});

describe('instantiatePlan(SEED_PLAN, 2026)', () => {
  const setup = instantiatePlan(SEED_PLAN, 2026);

  it('places the four phases in the year, rectification to 12-31, in Asia/Shanghai', () => {
    expect(setup.calendar).toEqual(SEED_CALENDAR_2026);
    expect(phaseOn(setup.calendar, new Date('2026-10-15T16:00:00Z'))?.code).toBe('appraisal');
    expect(assertActionAllowed(setup.calendar, 'castBallot', new Date('2026-11-01T00:00:00Z')).code).toBe('appraisal');
  });

  it('starts work items at 0 % and lists the appraised units for the ballot', () => {
    expect(setup.workItems.every((item) => item.progress === 0 && item.updates.length === 0)).toBe(true);
    expect(setup.appraisedUnitCodes).toEqual([
      'traffic-police',
      'patrol-special-police',
      'public-order',
      'border-defense',
      'legal-affairs',
      'detention-management',
    ]);
    expect(setup.totalQuota).toBe(10_000);
    expect(setup.rectificationRateTarget).toBe(1);
  });

  it('takes another time zone', () => {
    expect(instantiatePlan(SEED_PLAN, 2027, 'Europe/Berlin').calendar.timeZone).toBe('Europe/Berlin');
  });
});
