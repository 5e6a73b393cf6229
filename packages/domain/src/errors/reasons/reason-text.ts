/**
 * A refusal's sentence in each language the console speaks. `%{name}` stands
 * for a parameter (the same placeholders as the console's catalogs), so the
 * server writes the English message and the console renders either language
 * from the error's `reason` and parameters: one wording, shared.
 */
export interface ReasonText {
  readonly en: string;
  readonly zh: string;
}

/** What a sentence may mention: dates, names, numbers, codes given by the user. */
export type ReasonParams = Readonly<Record<string, string | number>>;

/** The languages a reason is written in. */
export type ReasonLanguage = keyof ReasonText;

/** Fills `%{name}` placeholders; a missing parameter is left as written. */
export function fillReason(template: string, params: ReasonParams): string {
  return template.replace(/%\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
