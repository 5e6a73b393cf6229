// The labour a campaign's paper costs: double keying against scanning with review, for the seed's 10,000 sheets.

/** The assumptions, stated: each is a round figure for an office, not a measurement. */
export const LABOUR_ASSUMPTIONS = {
  sheets: 10_000,
  unitsPerSheet: 80,
  pagesPerSheet: 2,
  /** Keying one mark: read the row on paper, press the level's key. */
  secondsPerKeyedMark: 0.5,
  /** One key more per sheet to save it. */
  keysPerKeyedSheet: 1,
  /** Reviewing one doubtful row: look at its crop, press the level's key (which also moves on). */
  secondsPerReviewedRow: 4,
  /** An office feeder scanner, duplex, at 200 dpi. */
  scannedPagesPerMinute: 30,
} as const;

export interface LabourEstimate {
  readonly doubleKeying: { keystrokes: number; minutes: number };
  readonly scanning: { reviewedRows: number; keystrokes: number; reviewMinutes: number; scannerMinutes: number };
  readonly saved: { keystrokes: number; minutes: number; share: number };
}

/** Double keying every mark against scanning every page and reviewing the share `reviewRate` of rows. */
export function labourEstimate(reviewRate: number, a = LABOUR_ASSUMPTIONS): LabourEstimate {
  const marks = a.sheets * a.unitsPerSheet;
  const keystrokes = 2 * (marks + a.sheets * a.keysPerKeyedSheet);
  const keyingMinutes = (2 * marks * a.secondsPerKeyedMark) / 60;
  const reviewedRows = Math.round(marks * reviewRate);
  const reviewMinutes = (reviewedRows * a.secondsPerReviewedRow) / 60;
  // feeding the scanner needs a person beside it
  const scannerMinutes = (a.sheets * a.pagesPerSheet) / a.scannedPagesPerMinute;
  const scanMinutes = reviewMinutes + scannerMinutes;
  return {
    doubleKeying: { keystrokes, minutes: keyingMinutes },
    scanning: { reviewedRows, keystrokes: reviewedRows, reviewMinutes, scannerMinutes },
    saved: {
      keystrokes: keystrokes - reviewedRows,
      minutes: keyingMinutes - scanMinutes,
      share: 1 - scanMinutes / keyingMinutes,
    },
  };
}
