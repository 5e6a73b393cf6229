import { randomBytes } from 'node:crypto';

/**
 * The machine-readable label of a printed sheet, carried by its QR code:
 * `PY1/<campaign key>/<kind><group index>/<page>-<pages>/<serial>`, all in
 * QR's alphanumeric set so the code stays small (version 2 at level M).
 *
 * - the campaign key is random per campaign (kept with its print runs), so a
 *   page of another campaign or another deployment is told apart;
 * - the kind is `A` (appraisal sheet, 民主评议表) or `O` (opinion form, 意见表);
 * - the group index is the evaluator group's place in the campaign at print
 *   time, a check against the print run that the serial belongs to;
 * - the serial is random per sheet (every page of a sheet carries it). It
 *   identifies the paper, never a person: nothing records who was handed it.
 */
export type SheetKind = 'A' | 'O';

/** The fields of a sheet label (see the format above). */
export interface SheetLabel {
  readonly campaignKey: string;
  readonly kind: SheetKind;
  readonly groupIndex: number;
  /** 1-based. */
  readonly page: number;
  readonly pages: number;
  readonly serial: string;
}

/** Crockford's base-32 digits: no I, L, O or U, so a serial read aloud or typed is not mistaken. */
const DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Digits of a campaign key. */
export const CAMPAIGN_KEY_LENGTH = 8;
/** Digits of a sheet serial. */
export const SERIAL_LENGTH = 10;
const PREFIX = 'PY1';
const CODE = new RegExp(`^[${DIGITS}]+$`);
const LABEL = /^PY1\/([0-9A-Z]{8})\/([AO])(\d{1,2})\/(\d{1,2})-(\d{1,2})\/([0-9A-Z]{10})$/;

/** `length` random Crockford base-32 digits (5 bits each from the system's secure random source). */
export function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i += 1) out += DIGITS[(bytes[i] as number) & 31];
  return out;
}

/** A new random campaign key. */
export const newCampaignKey = (): string => randomCode(CAMPAIGN_KEY_LENGTH);
/** A new random sheet serial. */
export const newSerial = (): string => randomCode(SERIAL_LENGTH);

/** The QR text of a label (RangeError when a field is out of the format's range). */
export function encodeSheetLabel(label: SheetLabel): string {
  if (label.campaignKey.length !== CAMPAIGN_KEY_LENGTH || !CODE.test(label.campaignKey))
    throw new RangeError('campaignKey must be 8 base-32 digits');
  if (label.serial.length !== SERIAL_LENGTH || !CODE.test(label.serial))
    throw new RangeError('serial must be 10 base-32 digits');
  if (!Number.isInteger(label.groupIndex) || label.groupIndex < 0 || label.groupIndex > 99)
    throw new RangeError('groupIndex must be 0 to 99');
  if (!Number.isInteger(label.pages) || label.pages < 1 || label.pages > 99)
    throw new RangeError('pages must be 1 to 99');
  if (!Number.isInteger(label.page) || label.page < 1 || label.page > label.pages)
    throw new RangeError('page must be 1 to pages');
  return `${PREFIX}/${label.campaignKey}/${label.kind}${label.groupIndex}/${label.page}-${label.pages}/${label.serial}`;
}

/** The label a QR code carried, or null when the text is not a Pingyi sheet label. */
export function decodeSheetLabel(text: string): SheetLabel | null {
  const match = LABEL.exec(text.trim());
  if (!match) return null;
  const [, campaignKey, kind, group, page, pages, serial] = match as unknown as [
    string,
    string,
    SheetKind,
    string,
    string,
    string,
    string,
  ];
  const label = {
    campaignKey,
    kind,
    groupIndex: Number(group),
    page: Number(page),
    pages: Number(pages),
    serial,
  };
  if (label.page < 1 || label.page > label.pages) return null;
  if (!CODE.test(campaignKey) || !CODE.test(serial)) return null;
  return label;
}
