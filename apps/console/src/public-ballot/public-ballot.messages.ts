// The public ballot page's words, in Chinese (default) and English. The page
// runs without react-admin, so it keeps its own small dictionary.

export type BallotLocale = 'zh' | 'en';

export interface BallotMessages {
  readonly title: string;
  readonly language: string;
  readonly welcome: string;
  readonly intro: string;
  readonly anonymity: string;
  readonly code: string;
  readonly codeHelp: string;
  readonly start: string;
  readonly checking: string;
  readonly sheetCaption: (group: string, closesOn: string) => string;
  readonly sheetHelp: string;
  readonly unitColumn: string;
  readonly clear: string;
  readonly clearLabel: (unit: string) => string;
  readonly opinion: string;
  readonly opinionLabel: (unit: string) => string;
  readonly opinionPlaceholder: string;
  readonly opinionCount: (used: number, max: number) => string;
  readonly progress: (rated: number, total: number) => string;
  readonly cast: string;
  readonly casting: string;
  readonly thanks: string;
  /** With `{number}` and `{date}` where the receipt number and the day go. */
  readonly receipt: string;
  readonly receiptCounts: (rated: number, abstained: number, opinions: number) => string;
  readonly receiptNote: string;
  readonly again: string;
  readonly errors: Readonly<Record<string, string>>;
  readonly codeProblems: { readonly typo: string; readonly length: string; readonly symbol: string };
}

export const MESSAGES: Readonly<Record<BallotLocale, BallotMessages>> = {
  zh: {
    title: '民主评议机关 · 评议表',
    language: 'English',
    welcome: '欢迎参加民主评议',
    intro: '请输入评议码条上的评议码，打开您的评议表。',
    anonymity: '评议不记名：系统不保存评议码与评议表之间的任何对应关系，也不记录您是谁。',
    code: '评议码',
    codeHelp: '评议码条上的 14 位字母和数字，例如 7KQ9-M2XW-HC4T-PB；不区分大小写，可以不输入横线。',
    start: '打开评议表',
    checking: '正在核对评议码…',
    sheetCaption: (group, closesOn) => `评议对象类别：${group}。请在 ${closesOn} 前提交。`,
    sheetHelp:
      '请为每个被评议单位选择一个档次。不了解或不愿评价的单位可以不选，按弃权处理。每个单位下可以填写意见或建议。',
    unitColumn: '被评议单位',
    clear: '清除',
    clearLabel: (unit) => `清除对${unit}的评价`,
    opinion: '意见',
    opinionLabel: (unit) => `对${unit}的意见或建议（选填）`,
    opinionPlaceholder: '意见或建议（选填）',
    opinionCount: (used, max) => `${used} / ${max} 字`,
    progress: (rated, total) => `您已评价 ${rated} 个单位（共 ${total} 个），未评价的按弃权处理。`,
    cast: '提交评议表',
    casting: '正在提交…',
    thanks: '谢谢！您的评议表已提交。',
    receipt: '回执号 {number}，提交日期 {date}。',
    receiptCounts: (rated, abstained, opinions) => `评价 ${rated} 个单位，弃权 ${abstained} 个，意见 ${opinions} 条。`,
    receiptNote: '回执号只证明评议表已经收到，它不与评议表或评议码相关联。评议码已经用过，不能再次使用。',
    again: '返回',
    errors: {
      INVALID_CODE: '没有这个评议码，或者它已被收回。请对照评议码条核对后重试。',
      CODE_ALREADY_USED: '该评议码已经提交过评议表，每个评议码只能使用一次。',
      PHASE_CLOSED: '现在不在接受评议的时间内，暂时不能打开或提交评议表。',
      TOO_MANY_ATTEMPTS: '从您的网络输入错误评议码的次数过多，请 15 分钟后再试。',
      UNKNOWN_UNIT: '评议表中有不属于本次评议的单位，请刷新页面后重新填写。',
      UNKNOWN_LEVEL: '有一项评价不是有效的档次，请刷新页面后重新选择。',
      DUPLICATE_UNIT: '同一个单位被评价了两次，请刷新页面后重新填写。',
      INVALID_OPINION: '有一条意见是空的或超过了字数限制，请修改后再提交。',
      EMPTY_BALLOT: '请至少评价一个单位或填写一条意见后再提交。',
      INVALID_BALLOT: '评议表的内容不完整，请刷新页面后重新填写。',
      INVALID_ARGUMENT: '提交的内容有误，请刷新页面后重试。',
      NETWORK: '无法连接服务器，请检查网络后重试；您的选择仍保留在页面上。',
      ERROR: '服务器暂时无法处理，请稍后重试；您的选择仍保留在页面上。',
    },
    codeProblems: {
      typo: '评议码有一个字符输错了，请对照评议码条重新输入。',
      length: '评议码是 14 位字母和数字（不含横线），请检查是否漏输或多输。',
      symbol: '评议码中不会出现 0、O、1、I 等容易混淆的字符，请对照评议码条核对。',
    },
  },
  en: {
    title: 'Democratic appraisal · Ballot',
    language: '简体中文',
    welcome: 'Welcome to the democratic appraisal',
    intro: 'Enter the access code printed on your slip to open your ballot.',
    anonymity: 'The ballot is anonymous: nothing links it to your code or to you, and who you are is never recorded.',
    code: 'Access code',
    codeHelp: 'The 14 letters and digits on your slip, e.g. 7KQ9-M2XW-HC4T-PB; any case, dashes optional.',
    start: 'Open the ballot',
    checking: 'Checking the code…',
    sheetCaption: (group, closesOn) => `Evaluator group: ${group}. Please cast it by ${closesOn}.`,
    sheetHelp:
      'Choose one level for each appraised unit. Leave a unit blank to abstain. You may add an opinion under each unit.',
    unitColumn: 'Appraised unit',
    clear: 'Clear',
    clearLabel: (unit) => `Clear the rating of ${unit}`,
    opinion: 'Opinion',
    opinionLabel: (unit) => `Opinion or suggestion on ${unit} (optional)`,
    opinionPlaceholder: 'Opinion or suggestion (optional)',
    opinionCount: (used, max) => `${used} / ${max} characters`,
    progress: (rated, total) => `You have rated ${rated} of ${total} units; the others count as abstentions.`,
    cast: 'Cast the ballot',
    casting: 'Casting…',
    thanks: 'Thank you! Your ballot has been cast.',
    receipt: 'Receipt {number}, cast on {date}.',
    receiptCounts: (rated, abstained, opinions) =>
      `${rated} units rated, ${abstained} abstentions, ${opinions} opinions.`,
    receiptNote:
      'The receipt number only shows that the ballot arrived; it is not linked to the ballot or the code. The code is used and cannot be used again.',
    again: 'Back',
    errors: {
      INVALID_CODE: 'There is no such access code, or it was revoked. Check it against your slip and try again.',
      CODE_ALREADY_USED: 'This access code has already cast its ballot; each code can be used once.',
      PHASE_CLOSED: 'Ballots are not accepted at this time, so the ballot cannot be opened or cast.',
      TOO_MANY_ATTEMPTS: 'Too many wrong codes were entered from your network; try again in 15 minutes.',
      UNKNOWN_UNIT:
        'The ballot names a unit that is not appraised in this campaign; reload the page and fill it in again.',
      UNKNOWN_LEVEL: 'A rating is not a level of the scale; reload the page and choose again.',
      DUPLICATE_UNIT: 'A unit was rated twice; reload the page and fill it in again.',
      INVALID_OPINION: 'An opinion is empty or longer than allowed; change it and cast again.',
      EMPTY_BALLOT: 'Rate at least one unit or give one opinion before casting.',
      INVALID_BALLOT: 'The ballot is incomplete; reload the page and fill it in again.',
      INVALID_ARGUMENT: 'Something sent was malformed; reload the page and try again.',
      NETWORK: 'The server cannot be reached; check the network and try again. Your choices are still on the page.',
      ERROR: 'The server cannot answer right now; try again later. Your choices are still on the page.',
    },
    codeProblems: {
      typo: 'One character of the code is mistyped; compare it with your slip and type it again.',
      length: 'An access code has 14 letters and digits (dashes not counted); check for a missing or extra one.',
      symbol: 'Codes never use easily confused characters such as 0, O, 1 or I; compare with your slip.',
    },
  },
};

/** A failure the page shows: the stable code and, for INVALID_CODE, the server's hint. */
export interface BallotFailure {
  readonly code: string;
  readonly message: string;
}

/** The sentence to show for a failure, in the page's language. */
export function failureText(failure: BallotFailure, locale: BallotLocale): string {
  const messages = MESSAGES[locale];
  if (failure.code === 'INVALID_CODE') {
    if (/typo/.test(failure.message)) return messages.codeProblems.typo;
    if (/letters and digits/.test(failure.message) || /too long/.test(failure.message))
      return messages.codeProblems.length;
    if (/never appears/.test(failure.message)) return messages.codeProblems.symbol;
  }
  return messages.errors[failure.code] ?? messages.errors.ERROR ?? failure.message;
}

/** The language of the page: what the visitor chose here, else the console's, else Chinese. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | null): BallotLocale {
  const chosen = storage?.getItem('pingyi.ballot.locale');
  if (chosen === 'en' || chosen === 'zh') return chosen;
  // react-admin keeps the console's language as JSON in its store
  return storage?.getItem('RaStore.locale') === '"en"' ? 'en' : 'zh';
}
