import { type MessageKey } from '@pingyi/domain';
import { type PageRefusal } from '@pingyi/omr';
import { type ScanProblemRecord } from './scan-upload.entity';

/** The problem code and sentence of each way a page is refused. */
const REFUSALS: Record<PageRefusal, { code: string; key: MessageKey }> = {
  'no-registration-marks': { code: 'SCAN_NO_REGISTRATION_MARKS', key: 'scanNoRegistrationMarks' },
  'unreadable-label': { code: 'SCAN_UNREADABLE_LABEL', key: 'scanUnreadableLabel' },
  'not-a-pingyi-label': { code: 'SCAN_NOT_A_SHEET', key: 'scanNotASheet' },
  'other-campaign': { code: 'SCAN_OTHER_CAMPAIGN', key: 'scanOtherCampaign' },
  'image-too-small': { code: 'SCAN_IMAGE_TOO_SMALL', key: 'scanImageTooSmall' },
};

/** The file-level problem of each scan input error code. */
const FILE_ERRORS: Record<string, { code: string; key: MessageKey }> = {
  'unsupported-format': { code: 'SCAN_UNSUPPORTED_FORMAT', key: 'scanUnsupportedFormat' },
  'corrupt-file': { code: 'SCAN_CORRUPT_FILE', key: 'scanCorruptFile' },
  'too-many-pages': { code: 'SCAN_TOO_MANY_PAGES', key: 'scanTooManyPages' },
  'too-large': { code: 'SCAN_TOO_LARGE', key: 'scanTooLarge' },
};

export function pageRefused(
  file: string,
  page: number,
  reason: PageRefusal,
  serial: string | null = null,
): ScanProblemRecord {
  const { code, key } = REFUSALS[reason];
  return { file, page, code, messageKey: key, params: {}, serial };
}

export function pageProblem(
  file: string,
  page: number,
  code: string,
  key: MessageKey,
  params: Record<string, string | number>,
  serial: string | null,
): ScanProblemRecord {
  return { file, page, code, messageKey: key, params, serial };
}

/** A file that could not be read (or a page of it), from the scan input's error code and detail. */
export function fileProblem(
  file: string,
  errorCode: string,
  detail: string,
  page: number | null = null,
): ScanProblemRecord {
  const known = FILE_ERRORS[errorCode] ?? { code: 'SCAN_CORRUPT_FILE', key: 'scanCorruptFile' as const };
  return {
    file,
    page,
    code: known.code,
    messageKey: known.key,
    params: { detail: detail.slice(0, 200) },
    serial: null,
  };
}
