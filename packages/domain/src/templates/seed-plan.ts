// The reference plan (seed/000_c3d04cda53fc1b03.txt, a city public security
// bureau's 民主评议机关 implementation plan) as data. Texts are verbatim from the
// seed; where the seed is garbled the legible part is kept and a comment says
// what was lost. The seed's "—" where a year once stood (全市公安机关—民主评议机关
// 工作) is kept as printed. Generated once from the seed text, reviewed by hand.
import { SEED_RATING_SCALE } from '../appraisal/rating-scale.js';
import { type CampaignPlan, type PlanWorkItem } from './campaign-plan.js';

const GUIDING_PRINCIPLE =
  '坚持以邓小平理论和“三个代表”重要思想为指导，深入学习实践科学发展观，通过开展民主评议机关活动，使全市公安机关和广大民警进一步确立“立警为公，执法为民”意识，不断强化“敏锐治安、主动治安、实力治安”理念，扎实开展“防控机制深化年”和“队伍建设推进年”活动，努力实现全市公安机关“四个能力”、“两个水平”的提高，人民群众安全感、对公安工作满意度和党委政府对公安工作认可度的“三大提升”，为确保社会持续稳定，助推上海世博会顺利进行，加快推进我市经济转型升级，促进经济又好又快发展，提供强有力的服务和保障。';

const OBJECTIVES_INTRO =
  '按照市委、市政府提出“深化作风建设年”的要求，紧紧围绕“改革突破年、创新提升年”的总体部署，以“创优质服务，树优良作风，做优秀公仆”为目标，着力解决公安机关在执法、管理、服务等方面存在的突出问题，坚决消除损害群众利益的不正之风，深入查找和纠正公安队伍中存在的“懒、散、浮、庸”现象，不断建立健全各项工作制度和规范，切实加强和改进公安机关作风建设。着力建设一支政令畅通、优质高效、勤政廉洁、实绩突出、创新发展的公安队伍，使全市公安机关和广大民警在政治信念和能力素质上有新提高，在履行职责和改革创新上有新突破，在服务质量和办事效率上有新改进，在人民群众对公安机关的满意度上有新提升，力争在全市—民主机关评议活动中排名有明显进步。';

const PHASES_INTRO =
  '按照市委、市政府统一部署，新一轮民主评议机关工作时间跨度为两年，主要是开展评议，主要是根据评议中反馈的群众意见抓好整改工作。结合公安实际，全市公安机关的民主评议机关工作，具体分动员部署、组织实施、接受评议、整改提高四个阶段进行。';

/**
 * The seed's units with stable English codes, under the bureau as root.
 * Appraised: the operational units the public deals with (the 支队 and 法制处);
 * not appraised: the internal organs (纪委, 政治部, 办公室, 后勤处) and the bureau
 * itself. The seed also names bodies outside the bureau's tree (the city
 * appraisal office 市评议办公室, 社区警务室 as places): they are not units here.
 */
const UNITS = [
  { code: 'bureau', name: '市公安局', parentCode: null, appraised: false },
  { code: 'traffic-police', name: '交警支队', parentCode: 'bureau', appraised: true },
  { code: 'patrol-special-police', name: '巡特警支队', parentCode: 'bureau', appraised: true },
  { code: 'public-order', name: '治安支队', parentCode: 'bureau', appraised: true },
  { code: 'border-defense', name: '边防支队', parentCode: 'bureau', appraised: true },
  { code: 'legal-affairs', name: '法制处', parentCode: 'bureau', appraised: true },
  { code: 'detention-management', name: '监管支队', parentCode: 'bureau', appraised: true },
  { code: 'discipline-inspection', name: '纪委', parentCode: 'bureau', appraised: false },
  { code: 'political-department', name: '政治部', parentCode: 'bureau', appraised: false },
  { code: 'general-office', name: '办公室', parentCode: 'bureau', appraised: false },
  { code: 'logistics', name: '后勤处', parentCode: 'bureau', appraised: false },
] as const;

/**
 * The themes under 三、（二）组织实施. The seed prints headings 1, 4 and 6; the
 * headings of 3 and 5 were lost in a garbled passage, and theme 2 is lost
 * entirely (no heading, no item), so it is not listed. Codes of lost headings
 * are neutral (`theme-3`) rather than guessed from the items.
 */
const THEMES = [
  { code: 'social-stability', number: 1, title: '围绕社会稳定大局，着力解决治安热点难点' },
  { code: 'theme-3', number: 3, title: '', sourceGaps: ['title'] },
  { code: 'police-image', number: 4, title: '围绕提升公安形象，着力构建和谐警民关系' },
  { code: 'theme-5', number: 5, title: '', sourceGaps: ['title'] },
  { code: 'police-welfare', number: 6, title: '围绕营造和谐警营，着力落实从优待警措施' },
] as const;

/**
 * Every work item under 三、（二）, numbered as printed, lead units as written.
 * The seed prints items (1)–(3) of theme 1 as （略）: they stay, elided. Three
 * passages are garbled the same way: after a "牵头单位：" the text jumps to a
 * repeat of the preceding 《…》 title and then into the tail of a later item,
 * so everything in between (lead units, whole items, two theme headings) is lost.
 */
const WORK_ITEMS: readonly PlanWorkItem[] = [
  { themeCode: 'social-stability', number: 1, text: '', leadUnitCodes: [], elided: true },
  { themeCode: 'social-stability', number: 2, text: '', leadUnitCodes: [], elided: true },
  { themeCode: 'social-stability', number: 3, text: '', leadUnitCodes: [], elided: true },
  // The seed has a page-break artifact inside "长效管理机制" (12下一页…第2页); removed.
  {
    themeCode: 'social-stability',
    number: 4,
    text: '进一步落实省厅五条常态严管措施，建立健全以查处酒后驾驶、超速行驶、闯红灯等严重违法行为为重点的长效管理机制。深化城市畅通工程，开展“排堵保畅攻坚年”活动。按照公安部的统一部署，集中开展机动车涉牌涉证违法行为专项整治。进一步完善城区道路交通监控系统，积极整合社会管理资源，推进文明交通创建。',
    leadUnitCodes: ['traffic-police'],
  },
  {
    themeCode: 'social-stability',
    number: 5,
    text: '深化巡卡防控机制、行业场所管控机制建设，推进专业化巡逻防控工作，加强社会面防控，提高见警率，增加人民群众的安全感和满意度。',
    leadUnitCodes: ['patrol-special-police', 'public-order', 'border-defense'],
  },
  // Garbled after this text: the lead units of (6) and the rest of theme 1, all of theme 2 and the start of theme 3 are lost.
  {
    themeCode: 'social-stability',
    number: 6,
    text: '深化社区警务机制，建立精细化社情掌控机制、系统化社区防控机制、常态化矛盾化解机制和走访群众工作机制，切实改变“专职不专、兼职不到位”的现象。深入推进社区警务专职化，制定出台《全市社区警务室运作规范》和《全市城乡社区民警工作绩效评估细则》。',
    leadUnitCodes: [],
    sourceGaps: ['leadUnits'],
  },
  // Only the tail of this item is legible (it comes right before theme 3 (2)); its number (1) is inferred.
  {
    themeCode: 'theme-3',
    number: 1,
    text: '严格落实案件主办警官资格认证制度。',
    leadUnitCodes: ['legal-affairs'],
    sourceGaps: ['text', 'number'],
  },
  {
    themeCode: 'theme-3',
    number: 2,
    text: '严格依法办案，紧紧围绕规范执法依据、执法程序、执法责任等关键环节，深入细致地梳理执法工作中存在的问题，进一步完善公安法规体系。',
    leadUnitCodes: ['legal-affairs'],
  },
  {
    themeCode: 'theme-3',
    number: 3,
    text: '进一步完善执法质量考评制度，全力创建“执法质量全优”工程。加强日常执法监督，完善执法监督动态跟踪机制，定期开展案件“立、销”的清理工作。坚持案件“谁主办，谁负责；谁主管，谁负责”原则，严格落实执法过错责任追究和行政赔偿制度。',
    leadUnitCodes: ['legal-affairs'],
  },
  {
    themeCode: 'theme-3',
    number: 4,
    text: '切实加强监管场所安全管理工作，深入组织开展监管场所“找隐患、抓整改，强管控、保安全”专项检查活动，保障刑事诉讼和行政执法活动顺利进行。加强执法监督动态跟踪机制建设，严防“非正常死亡”事件发生。',
    leadUnitCodes: ['detention-management', 'discipline-inspection'],
  },
  // Garbled after this text: its lead units, the rest of theme 4 and the heading of theme 5 are lost.
  {
    themeCode: 'police-image',
    number: 1,
    text: '贯彻落实《市公安局走访群众工作长效机制》，深入社区、企业、学校、农村和住户，积极开展各项服务活动，及时为群众排忧解难。',
    leadUnitCodes: [],
    sourceGaps: ['leadUnits'],
  },
  // Only the tail of this item is legible (it comes right before theme 5 (2)); its number (1) is inferred.
  {
    themeCode: 'theme-5',
    number: 1,
    text: '切实提高民警做群众工作、规范执法和警务技能体能的素质和能力。',
    leadUnitCodes: ['political-department'],
    sourceGaps: ['text', 'number'],
  },
  // Garbled after this text: its lead units, item (3) and the start of item (4) are lost.
  {
    themeCode: 'theme-5',
    number: 2,
    text: '将机关作风纳入绩效考评范畴，制定民警日常考勤、绩效考评、内务管理等相关制度，强化养成。制定出台并严格执行《市公安局职责规范》，进一步明晰事权，理顺关系，严格执行岗位目标责任制、领导分工负责制和责任追究制，确保政令警令畅通。',
    leadUnitCodes: [],
    sourceGaps: ['leadUnits'],
  },
  // Only the tail of this item is legible (it comes right before (5)); its number (4) is inferred.
  {
    themeCode: 'theme-5',
    number: 4,
    text: '坚持违纪“零容忍”。进一步规范涉案财物管理，深入开展协警队伍、“三项治理”、窗口单位整治、涉警车辆安全管理整治等专项活动，从源头上预防和减少民警违法违纪案件。充分利用“110”投诉电话、案（事）件督办和“96178廉政投诉”等平台，及时发现和解决民警工作中存在的突出问题和不足。',
    leadUnitCodes: ['discipline-inspection'],
    sourceGaps: ['text', 'number'],
  },
  {
    themeCode: 'theme-5',
    number: 5,
    text: '切实开展整顿学风、文风、会风、事风的“四风”活动，精简会议文件，倡导开短会、讲短话、发短文。简化办事程序，加强部门协调，杜绝部门之间相互敷衍塞责、推诿扯皮，努力解决事难办现象。严格控制会议数量和规模，从严控制文件数量，提高公文流转速度和公安机关办公自动化水平。',
    leadUnitCodes: ['general-office'],
  },
  {
    themeCode: 'theme-5',
    number: 6,
    text: '加强机关规范化管理。机关人员仪表端庄，举止得体，文明办公，秩序良好。接听来电、接待来访态度和蔼，讲究礼仪，用语规范，讲普通话。严格落实工程招投标、物品采购等制度规定，积极倡导低碳理念，深入开展节约型机关建设。室内整洁有序，环境优美，达到净化、绿化、美化要求，公共场所禁烟。内部安全管理制度落实，防止各类安全事故发生。',
    leadUnitCodes: ['logistics'],
  },
  {
    themeCode: 'police-welfare',
    number: 1,
    text: '以四警活动为载体，定期召开不同层面的民警座谈会，倾听民警呼声；开设“民警之家”网页，畅通警声反映渠道；完善“五谈五访”、“七七工作法”等制度，积极探索面对面、心贴心的新时期政治思想工作长效机制。',
    leadUnitCodes: ['political-department'],
  },
  {
    themeCode: 'police-welfare',
    number: 2,
    text: '严格落实民警体检、带薪休假等制度，全面开展民警医疗互助保障工作，建立民警健康档案；建立困难民警数据库，探索建立民警家属110求助服务热线，重点做好中青年民警家庭矛盾的调解工作；建立警察伤亡抚恤专项基金，畅通因公负伤民警救治“绿色通道”；及时为民警做好心理健康服务工作。',
    leadUnitCodes: ['political-department'],
  },
  {
    themeCode: 'police-welfare',
    number: 3,
    text: '认真贯彻《浙江省公安机关执法勤务机构人民警察职务序列实施办法》，积极与有关部门沟通联系，及时完成民警职级工资套改革工作；重视落实离退休干部政治、生活待遇，做好相关服务保障工作；建立完善先进典型良性成长机制，有序选树一批先进单位和优秀民警。',
    leadUnitCodes: ['political-department'],
  },
  {
    themeCode: 'police-welfare',
    number: 4,
    text: '完善民警正当执法权益维护机制，依法及时查处恶意投诉、妨碍执行公务等行为，对遭受不实投诉的民警及时给予正名。',
    leadUnitCodes: ['discipline-inspection'],
  },
  {
    themeCode: 'police-welfare',
    number: 5,
    text: '大力加强警营文化建设，进一步完善“五小工程”，推进文体俱乐部建设，积极改善民警工作生活环境。',
    leadUnitCodes: ['political-department', 'logistics'],
  },
];

/**
 * The nine evaluator groups of 三、（三）1 (接受以下9个方面共10000人). The seed gives
 * only the total; the split per group is the project's assumption and sums to
 * 10,000. Descriptions are the seed's wording of who belongs to each group.
 */
const EVALUATOR_GROUPS = [
  { code: 'partyCongressDeputies', label: '党代表', quota: 500, description: '市党代会代表，在甬的全国、省党代会代表' },
  { code: 'peoplesCongressDeputies', label: '人大代表', quota: 500, description: '市人大代表，在甬的全国、省人大代表' },
  { code: 'cppccMembers', label: '政协委员', quota: 500, description: '市政协委员，在甬的全国、省政协委员' },
  {
    code: 'retiredCadres',
    label: '离退休干部',
    quota: 800,
    description: '市直机关各部门及有关单位（含垂直管理部门和单位）离退休干部、副局级以上退休干部',
  },
  {
    code: 'supervisorsAndJournalists',
    label: '监督员/记者',
    quota: 400,
    description: '市委巡视组成员、党风廉政建设监督员、新闻工作者代表',
  },
  {
    code: 'grassrootsLeaders',
    label: '基层负责人',
    quota: 1300,
    description: '县（市）区党委、人大、政府、政协领导班子成员，乡镇、街道党政主要负责人，社区主要负责人',
  },
  { code: 'professionals', label: '专业技术人员', quota: 1000, description: '各类专业技术人员代表' },
  {
    code: 'enterpriseRepresentatives',
    label: '企业代表',
    quota: 1500,
    description: '部、省、市属企业、外资企业、外地投资企业和个私企业法人代表，与被评议单位接触较多的人员',
  },
  { code: 'residents', label: '城乡居民', quota: 3500, description: '城乡居民代表（含外来务工人员）' },
];

/** The reference campaign plan as data; place it in a year with `instantiatePlan(SEED_PLAN, year)`. */
export const SEED_PLAN: CampaignPlan = {
  title: '公安机关年度民主评议机关工作实施方案',
  preamble:
    '为认真贯彻落实市委、市政府开展新一轮民主评议机关活动的工作部署，全力抓好全市公安机关—民主评议机关工作，扎实推动年度公安工作目标任务的圆满完成，特制定本实施方案。',
  timeZone: 'Asia/Shanghai',
  phasesIntro: PHASES_INTRO,
  phases: [
    {
      code: 'mobilization',
      label: '动员部署',
      start: { month: 6, day: 18 },
      end: { month: 6, day: 30 },
      steps: [
        {
          number: 1,
          title: '广泛发动，统一思想',
          text: '召开全市公安机关民主评议机关工作会议，对—民主评议工作进行动员部署。通过层层发动，进一步统一思想认识，切实把广大干警的思想和行动统一到市委、市政府和市局党委的决策部署上来，把工作的积极性凝聚到完成各项工作任务上来。以围绕中心、恪尽职守的大局意识，以高度重视、全警参与的工作态度，以严肃认真、强力整改的自觉行动，主动接受党委政府、人民群众和社会各界评议。',
        },
        {
          number: 2,
          title: '组建机构，落实责任',
          text: '调整和成立市局新一轮民主评议机关工作领导小组和办公室，抽调专人负责具体工作。各单位相应成立民主评议机关工作领导小组，加强对民主评议机关工作的组织领导。组建专门的工作机构，加强对民主评议机关工作的协调指导，严格建立领导责任制，确保一级抓一级，层层抓落实。',
        },
        {
          number: 3,
          title: '制定方案，明确任务',
          text: '按照市局制定的民主评议机关工作实施方案，各单位结合实际，总结本单位前五轮民主评议工作经验，深入开展调查研究，明确民主评议机关工作的指导思想、工作目标和具体工作措施，制定切实可行的工作方案，为抓好新一轮民主评议机关工作夯实基础。',
        },
      ],
    },
    {
      code: 'implementation',
      label: '组织实施',
      start: { month: 7, day: 1 },
      end: { month: 10, day: 15 },
      intro: '为深入推进—民主评议机关工作，各级公安机关要以改革创新的精神，切实抓好以下重点工作。',
    },
    {
      code: 'appraisal',
      label: '接受评议',
      start: { month: 10, day: 16 },
      end: { month: 11, day: 15 },
      steps: [
        {
          number: 1,
          title: '明确参评程序',
          text: [
            '公安机关作为公共服务与管理部门和单位，接受以下9个方面共10000人的民主评议。',
            '一是市党代会代表，在甬的全国、省党代会代表；',
            '二是市人大代表，在甬的全国、省人大代表；',
            '三是市政协委员，在甬的全国、省政协委员；',
            '四是市直机关各部门及有关单位（含垂直管理部门和单位）离退休干部、副局级以上退休干部；',
            '五是市委巡视组成员、党风廉政建设监督员、新闻工作者代表；',
            '六是县（市）区党委、人大、政府、政协领导班子成员，乡镇、街道党政主要负责人，社区主要负责人；',
            '七是各类专业技术人员代表；',
            '八是部、省、市属企业、外资企业、外地投资企业和个私企业法人代表，与被评议单位接触较多的人员；',
            '九是城乡居民代表（含外来务工人员）。',
            '民主评议方式为填表答卷式。评议表分别对应被评议的部门和单位，设“满意、比较满意、基本满意、不太满意、不满意、不了解”6个栏目，并赋予每个栏目一定分值，参加评议的人员对被评议的部门和单位，分别圈定档次。另设对被评议部门和单位的意见表，参加评议的人员根据掌握了解的情况，提出对被评议部门和单位的意见。评议表和意见表的填写采用无记名方式，具体由市民主评议工作领导小组办公室负责发放和回收。',
          ].join('\n'),
        },
        {
          number: 2,
          title: '加强沟通联系',
          text: '保持与市评议办公室经常性的沟通联系，及时报送全市公安机关开展民主评议的工作信息和动态，积极了解全市民主评议机关工作的进展情况，并采取相应的工作措施，配合市民主评议机关办公室完成评议工作。同时，各单位要按照民主评议机关工作联系督导责任分工，制定相应工作计划，加强信息沟通、工作联动，认真落实有关任务。',
        },
      ],
    },
    // 11月16日至底: "to the end" (of the year). The seed says the round spans two years
    // (appraisal, then rectification); a bureau that runs rectification into the
    // next year sets `end: { month: 6, day: 30, yearOffset: 1 }` or similar.
    {
      code: 'rectification',
      label: '整改提高',
      start: { month: 11, day: 16 },
      end: { month: 12, day: 31 },
      steps: [
        {
          number: 1,
          title: '查漏补缺',
          text: '对民主评议机关工作前三个阶段的工作情况进行检查小结，重点开展自我梳理问题，及时查漏补缺；对市民主评议办反馈的有关问题迅速进行核查，情节突出的，要实行挂牌督办，并敦促责任单位迅速研究制定方案，落实整改措施。',
        },
        {
          number: 2,
          title: '立项整改',
          text: '对民主评议机关活动中群众反映且已经解决的倾向性问题，要巩固成果，防止反弹；对需要时间创造条件逐步解决的问题，要做到逐个立项，限时定人整改，确保群众反映的问题件件有着落、事事有回应，整改率达到100%。',
        },
        {
          number: 3,
          title: '建章立制',
          text: '通过民主评议机关工作，对发现不适时宜的管理制度、措施和办法，要及时进进、探讨、论证或取消；对可行性的过渡性措施，要及时进行补充完善；对好的做法和经验，要及时进行总结推广，并形成长效机制。',
        },
        {
          number: 4,
          title: '巩固提高',
          text: '及时开展民主评议机关“回头看”活动，深入查摆民主评议工作中发现的问题是否制定方案，整改措施是否到位。通过严格的督促检查，进一步克服弱项，发展优势，巩固成果，提高实效。',
        },
      ],
    },
  ],
  guidingPrinciple: { text: GUIDING_PRINCIPLE },
  objectivesIntro: OBJECTIVES_INTRO,
  objectives: [
    {
      number: 1,
      title: '政令警令更加畅通',
      text: '坚持理论武装，强化党性观念，遵守政治纪律，市委、市政府和上级公安机关、局党委的各项决策部署得到坚决执行。',
    },
    {
      number: 2,
      title: '大局意识更加牢固',
      text: '坚持立警为公，强化大局意识，密切团结协作，推动全市经济社会发展、转型升级，积极创造和谐有序的政治、治安、服务环境。',
    },
    {
      number: 3,
      title: '改革创新更加深入',
      text: '坚持与时俱进，强化改革创新，提升综合战斗力，现代警务机制建设等公安主体工作在全省走在前列，在全国有位。',
    },
    {
      number: 4,
      title: '服务群众更加优质',
      text: '坚持公安宗旨，强化服务观念，密切警民关系，实现为民便民利民惠民，积极回应党委政府、人民群众和社会各界新期盼。',
    },
    {
      number: 5,
      title: '勤政廉洁更加注重',
      text: '坚持从严治警，强化廉政建设，落实责任制度，切实改进工作作风，不断提高工作效能，积极构建和谐警营。',
    },
    {
      number: 6,
      title: '工作业绩更加突出',
      text: '坚持实事求是，强化科学发展，努力执政为民，全面履行公安职能，各项公安任务圆满完成，“确保三个稳定，实现三个零增长”年度目标顺利实现。',
    },
  ],
  requirements: [
    {
      number: 1,
      title: '提高认识，加强领导',
      text: '开展民主评议机关工作，是市委、市政府进一步加强和改进机关作风，建设高素质机关队伍，确保中心工作任务圆满完成的重要举措。各单位要从讲政治的高度，深刻认识开展民主评议机关工作的重要性，切实把民主评议机关工作置于重要位置去谋划，实行“一把手”负责制。市局成立以市委常委、局长王惠敏为组长，市局党委副书记、副局长贺富昌为副组长，其他党委委员任成员的领导小组，下设办公室，并抽调人员具体组织开展工作。各单位也要建立相应的组织机构，进一步明确责任，并结合本单位实际，制定工作方案，精心组织实施。',
    },
    {
      number: 2,
      title: '统筹兼顾，注重效率',
      text: '各单位要把开展民主评议机关工作与贯彻落实市委、市政府和省公安厅重大战略部署结合起来，与“创先争优”活动结合起来，与深化“作风建设年”活动结合起来，与强化“一个理念”、开展“两年”活动、实现“三个提升”完成年度公安工作任务结合起来，与上海世博会“环沪护城河”安保工作结合起来，与蝉联全国文明城市和第七轮市级文明机关创建活动结合起来，通过民主评议机关的有力举措，切实推动公安各项工作，并以其他工作取得的实际效果，来促进和检验公安机关作风的改进，达到互促共赢。',
    },
    {
      number: 3,
      title: '广泛宣传，营造氛围',
      text: '切实抓好新一轮民主评议机关工作，离不开广大公安民警的理解和参与，离不开社会各界的关心和支持。各单位要通过召开座谈会、举办活动等多种形式，大力宣传民主评议机关的目的、意义，增强广大民警“民主评议机关工作从我做起”的自觉性。要充分运用报纸、广播电台、电视以及宣传栏等途径，向社会广泛宣传公安工作成就，通报公安工作动态，报道公安先进典型，扩大群众知情面，积极铸就“为民、亲民、便民”的良好形象，着力构建和谐的警民关系，努力营造全社会关心、支持公安工作的浓厚氛围。',
    },
    {
      number: 4,
      title: '强化督查，务求实效',
      text: '纪检督察部门要充分发挥监督检查的职能作用，加强对民主评议机关工作的组织协调，指导督促各单位抓好评议工作。要把安全环境、执法质量、服务态度、办事效率、行业风气等作为重点，加大明查暗访工作力度，对发现在评议工作中敷衍了事、推诿不办，群众意见突出的单位、部门，要督促改正并视情予以通报批评，对严重影响评议工作的要实行责任追究。同时，要紧紧抓住整改落实这个关键环节，切实做到“问题不解决不放过、群众不满意不放过”，力求以实实在在的整改效果取信于民，确保新一轮民主评议机关工作目标的圆满实现。',
    },
  ],
  // 市局成立以市委常委、局长王惠敏为组长，市局党委副书记、副局长贺富昌为副组长，其他党委委员任成员的领导小组
  leadingGroup: {
    seats: [
      { role: 'leader', name: '王惠敏', position: '市委常委、局长' },
      { role: 'deputyLeader', name: '贺富昌', position: '市局党委副书记、副局长' },
      { role: 'member', position: '其他党委委员' },
    ],
  },
  units: UNITS,
  themes: THEMES,
  workItems: WORK_ITEMS,
  evaluatorGroups: EVALUATOR_GROUPS,
  scale: SEED_RATING_SCALE,
  // 四、（四）: 要把安全环境、执法质量、服务态度、办事效率、行业风气等作为重点，加大明查暗访工作力度
  inspectionFocuses: [
    { code: 'safety', label: '安全环境' },
    { code: 'lawEnforcementQuality', label: '执法质量' },
    { code: 'serviceAttitude', label: '服务态度' },
    { code: 'efficiency', label: '办事效率' },
    { code: 'conduct', label: '行业风气' },
  ],
  // 整改率达到100%
  rectificationRateTarget: 1,
  issuedBy: '市公安局办公室',
  issuedOn: '7月5日',
};
