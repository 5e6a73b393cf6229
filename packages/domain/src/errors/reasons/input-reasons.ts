import { type ReasonText } from './reason-text.js';

/** Why a field of untrusted input (a form, a JSON file, a GraphQL argument) is refused. */
export const INPUT_REASONS = {
  mustBeObject: { en: 'must be an object', zh: '格式有误：应为一组字段' },
  mustBeList: { en: 'must be a list', zh: '格式有误：应为列表' },
  mustBeString: { en: 'must be a string', zh: '应填写文字' },
  mustBeText: { en: 'must be text, got %{value}', zh: '应填写文字，收到的是 %{value}' },
  mustNotBeEmpty: { en: 'must not be empty', zh: '不能为空' },
  mustBeCode: { en: 'must be a non-empty code', zh: '代码不能为空' },
  invalidCode: {
    en: '"%{value}" is not a valid code (letters, digits, "-", "_", "." only)',
    zh: '“%{value}”不是有效的代码：只能使用字母、数字和 - _ .',
  },
  mustBeInteger: { en: 'must be an integer, got %{value}', zh: '应为整数，收到的是 %{value}' },
  mustBeWholeNumber: { en: 'must be a whole number, got %{value}', zh: '应为整数，收到的是 %{value}' },
  atLeast: { en: 'must be at least %{min}, got %{value}', zh: '不能小于 %{min}，收到的是 %{value}' },
  atMost: { en: 'must be at most %{max}, got %{value}', zh: '不能大于 %{max}，收到的是 %{value}' },
  between: {
    en: 'must be between %{min} and %{max}, got %{value}',
    zh: '应在 %{min} 到 %{max} 之间，收到的是 %{value}',
  },
  mustBeBoolean: { en: 'must be true or false, got %{value}', zh: '应为“是”或“否”，收到的是 %{value}' },
  length: {
    en: 'must be %{min} to %{max} characters, got %{length}',
    zh: '应为 %{min} 至 %{max} 个字，现为 %{length} 个字',
  },
  exactLength: { en: 'must be %{min} characters, got %{length}', zh: '应为 %{min} 个字，现为 %{length} 个字' },
  pattern: { en: 'must be %{description}, got %{value}', zh: '格式不符合要求，收到的是 %{value}' },
  oneOf: { en: 'must be one of %{allowed}, got %{value}', zh: '不是可选的值：%{value}' },
  listLength: {
    en: 'must have %{min} to %{max} items, got %{count}',
    zh: '应有 %{min} 至 %{max} 项，现有 %{count} 项',
  },
  dateFormat: {
    en: 'must be a date YYYY-MM-DD, got %{value}',
    zh: '日期格式有误，请按“年-月-日”填写（如 2026-10-16），收到的是 %{value}',
  },
  notARealDate: { en: 'is not a real date: %{value}', zh: '%{value} 不是真实存在的日期' },
  dateTimeFormat: {
    en: 'must be an ISO date-time with a time zone like 2025-10-16T08:00:00+08:00, got %{value}',
    zh: '时间格式有误（应如 2025-10-16T08:00:00+08:00），收到的是 %{value}',
  },
  mustBeId: { en: 'must be an id (a positive whole number), got %{value}', zh: '记录编号有误：%{value}' },
  dateBeforeToday: { en: '%{value} is before today %{today}', zh: '%{value} 早于今天（%{today}）' },
  dateAfterToday: { en: '%{value} is after today %{today}', zh: '%{value} 晚于今天（%{today}），不能是将来的日期' },
  publicAddress: {
    en: 'must be an %{schemes} address without query, fragment or password, e.g. %{example}',
    zh: '须为以 %{schemes} 开头、不含 ?、# 和密码的网址，例如 %{example}',
  },
  noTagGiven: { en: 'name at least one tag to add or remove', zh: '请至少填写一个要添加或移除的标签' },
  tooManyTags: { en: 'an opinion may carry at most %{max} tags', zh: '每条意见最多 %{max} 个标签' },
} as const satisfies Record<string, ReasonText>;

/** Why a CSV import's header or line is refused (the rectification update import). */
export const CSV_REASONS = {
  csvEmpty: { en: 'the file is empty; expected a header row starting %{header}', zh: '文件是空的：第一行应为表头' },
  csvNoRows: { en: 'there are no update lines after the header', zh: '表头之后没有任何数据行' },
  csvTooManyRows: {
    en: 'at most %{max} lines per import, got %{count}',
    zh: '每次最多导入 %{max} 行，本文件有 %{count} 行',
  },
  csvUnknownColumn: { en: 'unknown column "%{column}"; the columns are %{columns}', zh: '无法识别的列“%{column}”' },
  csvColumnTwice: { en: 'column "%{column}" appears twice', zh: '“%{column}”列出现了两次' },
  csvMissingColumn: { en: 'the header lacks the column %{column}', zh: '表头缺少“%{column}”列' },
  csvFieldCount: {
    en: 'expected %{expected} fields (%{columns}), found %{found}',
    zh: '这一行应有 %{expected} 项，实际有 %{found} 项',
  },
} as const satisfies Record<string, ReasonText>;
