import { type DocumentNode } from '@0no-co/graphql.web';
import { documentText } from './graphql';
import { type ErrorTranslator, sentenceOf, serverError } from './server-errors';

/** One GraphQL error as the server formats it (`extensions.code`, `extensions.field`). */
export interface GraphqlError {
  readonly message: string;
  readonly extensions?: {
    readonly code?: string;
    readonly field?: string;
    readonly errorId?: string;
    readonly details?: { readonly messageKey?: unknown; readonly params?: unknown };
  };
}

export interface GraphqlClientOptions {
  /** Default `/graphql` (same origin: served by the server, or proxied by Vite in development). */
  readonly endpoint?: string;
  /** The bearer token of the signed-in user, if any. */
  readonly getToken: () => string | null;
  readonly translate: ErrorTranslator;
  /** Injected in tests. */
  readonly fetch?: typeof fetch;
}

/** A REST route's refusal as the server's error filter answers it. */
interface RestRefusal {
  errorCode?: string;
  message?: string;
  path?: string | null;
  messageKey?: unknown;
  params?: unknown;
}

/** Sends one operation at a time to `/graphql` and turns every failure into an `HttpError`. */
export class GraphqlClient {
  private readonly endpoint: string;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: GraphqlClientOptions) {
    this.endpoint = options.endpoint ?? '/graphql';
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get translate(): ErrorTranslator {
    return this.options.translate;
  }

  /**
   * A REST call of the server (file downloads and uploads) with the same
   * token; a refusal (`{ errorCode, message, path }`) becomes an `HttpError`.
   */
  async rest(path: string, init: RequestInit = {}): Promise<Response> {
    const token = this.options.getToken();
    let response: Response;
    try {
      response = await this.fetchFn(path, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string> | undefined),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
    } catch (error) {
      throw serverError('NETWORK', error instanceof Error ? error.message : String(error), null, this.translate);
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => null)) as RestRefusal | null;
    const code =
      body?.errorCode ??
      (response.status === 401
        ? 'UNAUTHENTICATED'
        : response.status === 403
          ? 'FORBIDDEN'
          : response.status === 404
            ? 'NOT_FOUND'
            : 'INTERNAL_SERVER_ERROR');
    throw serverError(
      code,
      body?.message ?? `HTTP ${response.status}`,
      body?.path ?? null,
      this.translate,
      sentenceOf(body),
    );
  }

  /**
   * Uploads `body` with POST and reports the bytes sent (fetch cannot), then
   * returns the server's JSON answer; a refusal becomes an `HttpError`.
   */
  upload<T>(path: string, body: Blob, onProgress: (sent: number, total: number) => void): Promise<T> {
    const token = this.options.getToken();
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
      xhr.setRequestHeader('content-type', body.type || 'application/octet-stream');
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : body.size);
      xhr.onerror = () => reject(serverError('NETWORK', 'upload failed', null, this.translate));
      xhr.onload = () => {
        let answer: RestRefusal | null;
        try {
          answer = JSON.parse(xhr.responseText) as RestRefusal | null;
        } catch {
          answer = null;
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(answer as T);
        else
          reject(
            serverError(
              answer?.errorCode ?? (xhr.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR'),
              answer?.message ?? `HTTP ${xhr.status}`,
              answer?.path ?? null,
              this.translate,
              sentenceOf(answer),
            ),
          );
      };
      xhr.send(body);
    });
  }

  /**
   * Runs `document` with `variables` and returns `data`. A GraphQL error
   * becomes an `HttpError` whose status follows `extensions.code`
   * (401 for UNAUTHENTICATED, which signs the user out).
   */
  async request<T>(document: DocumentNode, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    const token = this.options.getToken();
    let response: Response;
    try {
      response = await this.fetchFn(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: documentText(document), variables }),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw serverError('NETWORK', error instanceof Error ? error.message : String(error), null, this.translate);
    }
    let body: { data?: T | null; errors?: GraphqlError[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw serverError(
        response.status === 401 ? 'UNAUTHENTICATED' : 'NETWORK',
        `HTTP ${response.status} ${response.statusText}`.trim(),
        null,
        this.translate,
      );
    }
    const first = body.errors?.[0];
    if (first) {
      // a masked failure carries only its id: the console words it (the shared sentence internalError)
      const sentence = first.extensions?.errorId
        ? { messageKey: 'internalError', params: { id: first.extensions.errorId } }
        : first.extensions?.details;
      throw serverError(
        first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
        first.message,
        first.extensions?.field ?? null,
        this.translate,
        sentenceOf(sentence),
      );
    }
    if (!body.data)
      throw serverError('INTERNAL_SERVER_ERROR', `HTTP ${response.status}: no data`, null, this.translate);
    return body.data;
  }
}
