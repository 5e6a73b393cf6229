/** A fake `fetch` for unit tests: records each GraphQL request and answers from a queue. */
export interface RecordedRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly headers: Record<string, string>;
}

export function fakeFetch(answers: ReadonlyArray<unknown | ((request: RecordedRequest) => unknown)>) {
  const requests: RecordedRequest[] = [];
  let next = 0;
  const fetchFn = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
    const request = { query: body.query, variables: body.variables, headers: init.headers as Record<string, string> };
    requests.push(request);
    const answer = answers[next++];
    if (answer === undefined) throw new Error(`No answer queued for request ${next}: ${body.query}`);
    const value = typeof answer === 'function' ? (answer as (r: RecordedRequest) => unknown)(request) : answer;
    if (value instanceof Error) throw value;
    return new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetch: fetchFn, requests };
}

/** Echoes the code and the server message, so tests see both. */
export const echoTranslate = (code: string, message: string) => `${code}: ${message}`;
