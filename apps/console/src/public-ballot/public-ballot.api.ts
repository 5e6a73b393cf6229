import { type BallotFailure } from './public-ballot.messages';

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

const ERROR_FIELDS = '... on ErrorResult { errorCode message messageKey messageParamsJson }';
const BALLOT_FORM = `query PublicBallotForm($code: String!) {
  result: ballotForm(code: $code) { __typename ... on BallotForm { campaignName groupLabel closesOn opinionMaxLength units { code name } levels { code label labelEn } } ${ERROR_FIELDS} }
}`;
const CAST_BALLOT = `mutation PublicCastBallot($input: CastBallotInput!) {
  result: castBallot(input: $input) { __typename ... on BallotReceipt { receiptNumber castOn campaignName rated abstained opinions } ${ERROR_FIELDS} }
}`;

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: BallotFailure };

async function call<T>(
  query: string,
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
      body: JSON.stringify({ query, variables }),
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
