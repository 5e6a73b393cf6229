import { type ReasonText } from './reason-text.js';

/** Why a keyed-in paper sheet (CSV or XLSX of 评议表) or one of its cells is refused. */
export const PAPER_REASONS = {
  sheetEmpty: {
    en: 'the file is empty: it needs a header row and one row per ballot',
    zh: '文件是空的：需要一行表头，每张评议表一行',
  },
  sheetNoRows: { en: 'the file has a header but no ballot rows', zh: '文件只有表头，没有评议表' },
  headerTooLong: { en: 'the header is longer than %{max} characters', zh: '表头超过 %{max} 个字' },
  secondGroupColumn: {
    en: 'a second evaluator group column (the first is %{first})',
    zh: '第二个“评议对象类别”列（第一个在 %{first} 列）',
  },
  secondSheetColumn: { en: 'a second sheet number column', zh: '第二个“序号”列' },
  unknownColumn: {
    en: 'not an appraised unit of the campaign (give its code or name), nor a group or sheet number column',
    zh: '不是本次被评议的单位（请填单位名称），也不是“评议对象类别”或“序号”列',
  },
  unitColumnTwice: { en: 'the unit %{unit} already has column %{first}', zh: '“%{unit}”已在 %{first} 列' },
  noGroupColumn: { en: 'no evaluator group column (name it group or 评议对象类别)', zh: '缺少“评议对象类别”列' },
  unitWithoutColumn: {
    en: 'the appraised unit %{unit} (%{code}) has no column',
    zh: '被评议单位“%{unit}”没有对应的列',
  },
  cellFormula: { en: 'holds a formula: key in values only', zh: '单元格含有公式：请只录入数值' },
  cellTooLong: { en: 'longer than %{max} characters', zh: '超过 %{max} 个字' },
  groupMissing: { en: 'the evaluator group is missing', zh: '没有填写评议对象类别' },
  unknownGroup: {
    en: 'not an evaluator group of the campaign (%{known})',
    zh: '不是本次的评议对象类别（可填：%{known}）',
  },
  sheetNumberTwice: { en: 'the sheet number is also on line %{first}', zh: '序号与第 %{first} 行重复' },
  valueOutsideUnits: {
    en: 'a value in a column that is not a unit (no or unknown header)',
    zh: '该列不是被评议单位（没有表头或表头无法识别），却填了内容',
  },
  unknownLevel: {
    en: 'not a level of the scale (%{known}; blank for none, ? for unreadable)',
    zh: '不是评价等次（可填：%{known}；不评价留空，无法辨认填“?”）',
  },
  repeatedBatch: {
    en: 'these are the sheets of batch "%{batchCode}" again (keyed in another file); nothing was imported. To count them once more on purpose, upload the file with allowRepeatOf=%{batchId}',
    zh: '这些评议表与批次“%{batchCode}”的完全相同（已在另一个文件中录入），本次未导入任何内容；如确需再次计入，请选择“确认重复计入”后重新上传',
  },
  batchBusy: {
    en: 'another file of this batch is being checked or imported; wait for it',
    zh: '该批次的另一个文件正在检查或导入，请稍候',
  },
  compareNeedsBoth: {
    en: 'compare needs both keyings of a double-keyed batch, checked and valid',
    zh: '双人录入的两次录入都检查通过后才能比对',
  },
  acceptWrongState: {
    en: 'the batch is %{state}; only a batch whose keyings are checked can be accepted',
    zh: '该批次当前不能确认导入：只有录入文件已检查通过的批次才能导入',
  },
  uploadImported: {
    en: 'no file can be uploaded to batch "%{batch}": it is imported already',
    zh: '批次“%{batch}”已导入，不能再上传文件',
  },
  uploadBusy: {
    en: 'no file can be uploaded to batch "%{batch}": a file of it is %{doing}',
    zh: '批次“%{batch}”的文件正在检查或导入，请稍候再上传',
  },
  keyingsNotReady: { en: 'the batch needs %{what} checked and valid first', zh: '请先上传录入文件并通过检查' },
  campaignChangedSinceKeying: {
    en: "the campaign's units or scale changed since the batch was keyed: upload the keying again",
    zh: '录入之后本次评议的单位或评议档次有变化，请重新上传录入文件',
  },
  batchClaimed: { en: 'the batch is being imported or was imported already', zh: '该批次正在导入或已经导入' },
  batchChangedDuringImport: {
    en: 'the batch changed state during the import',
    zh: '导入过程中批次状态发生了变化，请刷新后重试',
  },
  withdrawOnlyImported: {
    en: 'only an imported batch can be withdrawn; batch %{batch} is %{state}',
    zh: '只有已导入的批次才能撤回',
  },
  keyingRowsUnpaired: {
    en: 'the keyings do not have the same rows: key the batch again',
    zh: '两次录入的行数或行序不一致，请重新录入该批次',
  },
  keyingTooManyMismatches: {
    en: 'too many mismatches to resolve one by one: key the batch again',
    zh: '两次录入差异过多，无法逐处核对，请重新录入该批次',
  },
  keyingOpenMismatches: { en: '%{count} mismatches have no resolution', zh: '还有 %{count} 处不一致没有选定采用值' },
  resolutionNoRow: { en: 'resolution for row %{row}: there is no such row', zh: '第 %{row} 行不存在' },
  resolutionNotGroup: {
    en: 'resolution for row %{row}: "%{value}" is not an evaluator group',
    zh: '第 %{row} 行：“%{value}”不是评议对象类别',
  },
  resolutionNotUnit: {
    en: 'resolution for row %{row}: "%{value}" is not an appraised unit',
    zh: '第 %{row} 行：“%{value}”不是被评议单位',
  },
  resolutionNotLevel: {
    en: 'resolution for row %{row}: "%{value}" is not a level of the scale',
    zh: '第 %{row} 行：“%{value}”不是评价档次',
  },
  fileUnreadable: { en: '%{detail}', zh: '文件无法读取：请保存为 CSV（UTF-8）或 Excel（.xlsx）后重新上传' },
  fileLimit: {
    en: '%{detail}',
    zh: '文件超出允许的限制（上限 %{max}），未导入任何内容：请确认上传的是正确的评议表文件',
  },
} as const satisfies Record<string, ReasonText>;
