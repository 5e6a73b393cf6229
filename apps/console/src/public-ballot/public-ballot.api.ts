import { type DocumentNode } from '@0no-co/graphql.web';
import { documentText } from '../data/graphql';
import { type BallotFailure } from './public-ballot.messages';
import { BALLOT_FORM, CAST_BALLOT } from './public-ballot.queries';

// The public ballot API (CONTRACTS.md §4), over fetch: no sign-in, a code instead.

export interface BallotFormData {
  readonly campaignName: string;
  readonly groupLabel: string;
  readonly closesOn: string;
  readonly opinionMaxLength: number;
  readonly units: readonly { readonly code: string; readonly name: string }[];
  readonly levels: readonly { readonly code: string; readonly label: string; readonly labelEn?: string | null }[];
}

export interface BallotReceiptData {
  readonly receiptNumber: string;
  readonly castOn: string;
  readonly campaignName: string;
  readonly rated: number;
  readonly abstained: number;
  readonly opinions: number;
}

export interface CastInput {
  readonly code: string;
  readonly ratings: readonly { readonly unit: string; readonly level: string }[];
  readonly opinions: readonly { readonly unit: string; readonly text: string }[];
}

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: BallotFailure };

async function call<T>(
  document: DocumentNode,
  variables: Record<string, unknown>,
  fetchFn: typeof fetch,
): Promise<ApiResult<T>> {
  let body: {
    data?: { result?: Record<string, unknown> | null } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  try {
    const response = await fetchFn('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: documentText(document), variables }),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    return { ok: false, failure: { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) } };
  }
  const result = body.data?.result;
  if (!result) {
    const error = body.errors?.[0];
    return { ok: false, failure: { code: error?.extensions?.code ?? 'ERROR', message: error?.message ?? 'no answer' } };
  }
  if (typeof result.errorCode === 'string')
    return { ok: false, failure: { code: result.errorCode, message: String(result.message ?? '') } };
  return { ok: true, value: result as unknown as T };
}

/** Opens the ballot sheet of a code. */
export function fetchBallotForm(code: string, fetchFn: typeof fetch = fetch): Promise<ApiResult<BallotFormData>> {
  return call(BALLOT_FORM, { code }, fetchFn);
}

/** Casts the ballot. */
export function castBallot(input: CastInput, fetchFn: typeof fetch = fetch): Promise<ApiResult<BallotReceiptData>> {
  return call(CAST_BALLOT, { input }, fetchFn);
}
