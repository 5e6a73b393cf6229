import { type ReasonText } from './reason-text.js';

/** Why a scanned page (of 民主评议表 or 意见表) is refused, and the review of doubtful rows. */
export const SCAN_REASONS = {
  scanUnsupportedFormat: {
    en: 'not a scan Pingyi reads: give a PDF, TIFF, PNG, JPEG or a ZIP of them',
    zh: '无法识别的文件：请上传 PDF、TIFF、PNG、JPEG 扫描件，或它们的 ZIP 压缩包',
  },
  scanCorruptFile: {
    en: 'the file is damaged and cannot be read (%{detail})',
    zh: '文件已损坏，无法读取（%{detail}）',
  },
  scanTooLarge: { en: 'the file is past a limit: %{detail}', zh: '文件超出限制：%{detail}' },
  scanTooManyPages: {
    en: 'the file has too many pages (%{detail}): split it',
    zh: '文件页数过多（%{detail}），请分成几个文件上传',
  },
  scanImageTooSmall: {
    en: 'the page is scanned too small to read (at least 150 dpi)',
    zh: '扫描分辨率太低，无法识别（至少 150 dpi）',
  },
  scanNoRegistrationMarks: {
    en: 'the four corner marks of a Pingyi sheet were not found: not a sheet, or cut off by the scanner',
    zh: '找不到评议表四角的定位标记：不是本系统印制的表，或扫描时四角被裁掉',
  },
  scanUnreadableLabel: {
    en: 'the sheet label (QR code) cannot be read: the sheet needs keying by hand',
    zh: '表头二维码无法识别，请手工录入该表',
  },
  scanNotASheet: {
    en: 'the QR code is not the label of a Pingyi sheet',
    zh: '二维码不是本系统评议表的标签',
  },
  scanOtherCampaign: {
    en: 'the sheet belongs to another campaign (or another installation)',
    zh: '该表属于其他评议工作（或其他系统）',
  },
  scanUnknownSerial: {
    en: 'sheet %{serial} was never printed for this campaign',
    zh: '编号为 %{serial} 的表不是本次评议印制的',
  },
  scanDuplicateSheet: {
    en: 'sheet %{serial} page %{page} was scanned already (%{where}); this copy is not counted',
    zh: '编号 %{serial} 第 %{page} 页已扫描过（%{where}），本次不重复计入',
  },
  scanMissingPage: {
    en: 'sheet %{serial} lacks page %{page}: scan it, or its other pages are not counted',
    zh: '编号 %{serial} 的表缺少第 %{page} 页：请补扫，否则该表不能导入',
  },
  scanGroupMismatch: {
    en: 'sheet %{serial} says another evaluator group than its print run',
    zh: '编号 %{serial} 的表所标评议对象类别与印制记录不符',
  },
  scanReviewPending: {
    en: '%{rows} doubtful rows and %{boxes} opinion boxes still wait for a person: nothing is counted until each is decided',
    zh: '还有 %{rows} 行存疑标记、%{boxes} 个意见框待人工确认，全部确认后才能导入',
  },
  scanNothingRead: { en: 'no sheet of the batch has been read yet', zh: '该批次还没有识别出任何评议表' },
  scanStillReading: { en: 'scans of the batch are still being read', zh: '该批次的扫描件仍在识别中，请稍候' },
  scanBatchNotScanned: {
    en: 'batch "%{batch}" is keyed, not scanned: upload its keyed file instead',
    zh: '批次“%{batch}”是录入批次，不是扫描批次',
  },
  scanBatchKeyed: {
    en: 'batch "%{batch}" is a scanned batch: upload scans to it, not a keyed file',
    zh: '批次“%{batch}”是扫描批次，请上传扫描件，不能上传录入文件',
  },
  scanLevelUnknown: {
    en: 'not a level of the scale (%{known}); none for an abstention',
    zh: '不是评价等次（可选：%{known}）；弃权请选“空白”',
  },
  scanInterrupted: {
    en: 'the server stopped while reading this file; nothing of it was kept: upload it again',
    zh: '读取该文件时服务器中断，未保存任何内容，请重新上传',
  },
  scanDiscardNotImported: {
    en: 'the scans of batch "%{batch}" are kept until it is imported (or withdrawn)',
    zh: '批次“%{batch}”导入（或撤回）之前不能删除扫描件',
  },
} as const satisfies Record<string, ReasonText>;
