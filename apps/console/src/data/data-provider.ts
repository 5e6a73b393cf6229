import {
  type DataProvider,
  HttpError,
  type GetListParams,
  type GetListResult,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { type GraphqlClient } from './graphql-client';
import { type AnyDocument, type ResultOf, type Success, type VariablesOf } from './graphql';
import {
  compactFilter,
  extraVariables,
  type ListDescriptor,
  manyDocument,
  type MutationDescriptor,
  type ResourceDescriptor,
  type Values,
  variableNames,
} from './resource-descriptor';
import { serverError, type ServerErrorBody, unwrapResult } from './server-errors';

/** The server's `take` limit; larger react-admin pages are fetched in several requests. */
export const SERVER_MAX_TAKE = 100;
/** Aliased root fields per request for getMany (the server allows 15 aliases and 20 root fields). */
const MANY_CHUNK = 15;

/** react-admin's data provider plus two calls for custom pages (dashboard, results, policy editor). */
export interface PingyiDataProvider extends DataProvider {
  /** Runs a document written with `graphql()` and returns its `data`. */
  graphql<D extends AnyDocument>(document: D, variables: VariablesOf<D>, signal?: AbortSignal): Promise<ResultOf<D>>;
  /** Runs a mutation selected as `data: field(...) { ...union }` and returns its success member. */
  mutate<D extends MutationDocument>(document: D, variables: VariablesOf<D>): Promise<MutationSuccess<D>>;
  /** A REST call of the server (downloads, uploads) with the signed-in user's token. */
  rest(path: string, init?: RequestInit): Promise<Response>;
  /** A POST of a file with upload progress; resolves with the server's JSON answer. */
  upload<T>(path: string, body: Blob, onProgress: (sent: number, total: number) => void): Promise<T>;
}

/** A document selecting a result union as `data`. */
export type MutationDocument = AnyDocument;
/** The success member of a mutation document's `data` union. */
export type MutationSuccess<D extends AnyDocument> = Success<NonNullable<ResultOf<D>['data']>>;

function descriptorOf(descriptors: Readonly<Record<string, ResourceDescriptor>>, resource: string): ResourceDescriptor {
  const descriptor = descriptors[resource];
  if (!descriptor) throw new Error(`The console has no descriptor for the resource "${resource}"`);
  return descriptor;
}

function need<T>(part: T | undefined, resource: string, what: string): T {
  if (!part) throw new Error(`The resource "${resource}" has no ${what} on the server`);
  return part;
}

function toRecord(descriptor: ResourceDescriptor, raw: Values): RaRecord {
  return descriptor.record ? descriptor.record(raw) : (raw as RaRecord);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

/** Paging, sorting, `q` search and equality filters over a short list the server returns whole. */
export function pageLocally(
  records: readonly RaRecord[],
  params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>,
): GetListResult {
  const { q, ...filter } = (params.filter ?? {}) as Values;
  const needle = typeof q === 'string' ? q.trim().toLowerCase() : '';
  const matched = records.filter((record) => {
    if (
      needle &&
      !Object.values(record).some((value) => typeof value === 'string' && value.toLowerCase().includes(needle))
    )
      return false;
    return Object.entries(compactFilter(filter) ?? {}).every(([key, wanted]) => {
      const value = (record as Values)[key];
      return Array.isArray(value) ? value.includes(wanted) : value === wanted;
    });
  });
  const sort = params.sort;
  if (sort?.field) {
    const sign = sort.order === 'DESC' ? -1 : 1;
    matched.sort((a, b) => sign * compare((a as Values)[sort.field], (b as Values)[sort.field]));
  }
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  return { data: matched.slice((page - 1) * perPage, page * perPage), total: matched.length };
}

/** Applies a descriptor's field renaming to the form errors of an `HttpError`. */
function renameFormFields(error: unknown, rename: (field: string) => string | null): unknown {
  const body = (error as HttpError | null)?.body as ServerErrorBody | undefined;
  if (!(error instanceof HttpError) || !body?.errors) return error;
  const errors: Record<string, unknown> = {};
  for (const [field, message] of Object.entries(body.errors)) {
    const renamed = field === 'root' ? field : rename(field);
    if (renamed) errors[renamed] = message;
  }
  return new HttpError(error.message, error.status, { ...body, errors });
}

function splitFilter(
  list: ListDescriptor,
  filter: Values,
  defaults: Values,
): { args: Values; filter: Values | undefined } {
  const args: Values = {};
  const rest: Values = { ...filter };
  for (const name of extraVariables(list.document, ['options', 'filter'])) {
    args[name] = rest[name] ?? defaults[name] ?? null;
    delete rest[name];
  }
  return { args, filter: list.filter ? list.filter(rest) : compactFilter(rest) };
}

/**
 * The one data provider of the console: react-admin's calls become the
 * server's GraphQL queries and mutations through each resource's descriptor;
 * error results become `HttpError`s with readable, translated messages and
 * form field errors.
 */
export function createDataProvider(
  client: GraphqlClient,
  descriptors: Readonly<Record<string, ResourceDescriptor>>,
  /** Values for list arguments the caller left out (the current campaign's id). */
  defaults: () => Values = () => ({}),
): PingyiDataProvider {
  const translate = client.translate;

  async function runMutation(
    descriptor: ResourceDescriptor,
    spec: MutationDescriptor,
    args: Values,
  ): Promise<RaRecord> {
    const { data } = await client.request<{ data: Values }>(spec.document, args);
    try {
      const value = spec.plain ? data : unwrapResult<Values>(data, translate);
      return toRecord(descriptor, value);
    } catch (error) {
      throw descriptor.formField ? renameFormFields(error, descriptor.formField) : error;
    }
  }

  function mutationArgs(spec: MutationDescriptor, data: Values, previous?: RaRecord): Values {
    const args: Values = {};
    for (const name of extraVariables(spec.document, ['id', 'input']))
      args[name] = data[name] ?? previous?.[name] ?? null;
    if (variableNames(spec.document).includes('input')) args.input = spec.input ? spec.input(data, previous) : data;
    return args;
  }

  async function getList(resource: string, params: GetListParams): Promise<GetListResult> {
    const descriptor = descriptorOf(descriptors, resource);
    const list = need(descriptor.list, resource, 'list query');
    const { args, filter } = splitFilter(list, (params.filter ?? {}) as Values, defaults());
    const document = list.document;
    if (list.plain) {
      const { data } = await client.request<{ data: Values[] }>(document, args, params.signal);
      const local = { ...(params.filter ?? {}) } as Values;
      for (const name of Object.keys(args)) delete local[name];
      return pageLocally(
        data.map((raw) => toRecord(descriptor, raw)),
        { ...params, filter: local },
      );
    }
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const sortField = params.sort?.field;
    const sortable = !list.sortable || (sortField !== undefined && list.sortable.includes(sortField));
    const sort =
      sortField && sortable ? [{ field: sortField, order: params.sort?.order === 'DESC' ? 'DESC' : 'ASC' }] : undefined;
    const data: RaRecord[] = [];
    let total = 0;
    const start = (page - 1) * perPage;
    for (let skip = start; skip < start + perPage; skip += SERVER_MAX_TAKE) {
      const take = Math.min(SERVER_MAX_TAKE, start + perPage - skip);
      const variables: Values = { ...args, options: { skip, take, ...(sort ? { sort } : {}) } };
      if (variableNames(document).includes('filter')) variables.filter = filter ?? null;
      const result = await client.request<{ data: { items: Values[]; totalItems: number } }>(
        document,
        variables,
        params.signal,
      );
      data.push(...result.data.items.map((raw) => toRecord(descriptor, raw)));
      total = result.data.totalItems;
      if (result.data.items.length < take) break;
    }
    return { data, total };
  }

  async function getOne(resource: string, id: Identifier, signal?: AbortSignal): Promise<RaRecord> {
    const descriptor = descriptorOf(descriptors, resource);
    const one = need(descriptor.one, resource, 'single-record query');
    const { data } = await client.request<{ data: Values | null }>(one.document, { id: String(id) }, signal);
    if (!data) throw serverError('NOT_FOUND', `${descriptor.typeName} ${id} not found`, null, translate);
    return toRecord(descriptor, data);
  }

  const provider: PingyiDataProvider = {
    getList,

    async getOne(resource, params) {
      return { data: (await getOne(resource, params.id, params.signal)) as never };
    },

    async getMany(resource, params) {
      const descriptor = descriptorOf(descriptors, resource);
      if (!descriptor.one && descriptor.list?.plain) {
        const all = await getList(resource, {
          pagination: { page: 1, perPage: 10_000 },
          sort: { field: 'id', order: 'ASC' },
          filter: {},
        });
        const wanted = new Set(params.ids.map(String));
        return { data: all.data.filter((record) => wanted.has(String(record.id))) };
      }
      need(descriptor.one, resource, 'single-record query');
      const data: RaRecord[] = [];
      for (let i = 0; i < params.ids.length; i += MANY_CHUNK) {
        const ids = params.ids.slice(i, i + MANY_CHUNK);
        const document = manyDocument(descriptor, ids.length);
        const result = await client.request<Record<string, Values | null>>(
          document,
          Object.fromEntries(ids.map((id, k) => [`id${k}`, String(id)])),
          params.signal,
        );
        ids.forEach((_, k) => {
          const raw = result[`r${k}`];
          if (raw) data.push(toRecord(descriptor, raw));
        });
      }
      return { data };
    },

    async getManyReference(resource, params) {
      return getList(resource, { ...params, filter: { ...(params.filter ?? {}), [params.target]: params.id } });
    },

    async create(resource, params) {
      const descriptor = descriptorOf(descriptors, resource);
      const spec = need(descriptor.create, resource, 'create mutation');
      const args = mutationArgs(spec, params.data as Values);
      return { data: await runMutation(descriptor, spec, args) } as never;
    },

    async update(resource, params) {
      const descriptor = descriptorOf(descriptors, resource);
      const spec = need(descriptor.update, resource, 'update mutation');
      const args = mutationArgs(spec, params.data as Values, params.previousData);
      return { data: await runMutation(descriptor, spec, { id: String(params.id), ...args }) } as never;
    },

    async updateMany(resource, params) {
      const done: Identifier[] = [];
      for (const id of params.ids) {
        await provider.update(resource, { id, data: params.data, previousData: { id } });
        done.push(id);
      }
      return { data: done };
    },

    async delete(resource, params) {
      const descriptor = descriptorOf(descriptors, resource);
      const spec = need(descriptor.delete, resource, 'delete mutation');
      await runMutation(descriptor, spec, { id: String(params.id) });
      return { data: (params.previousData ?? { id: params.id }) as never };
    },

    async deleteMany(resource, params) {
      const done: Identifier[] = [];
      for (const id of params.ids) {
        await provider.delete(resource, { id });
        done.push(id);
      }
      return { data: done };
    },

    graphql<D extends AnyDocument>(document: D, variables: VariablesOf<D>, signal?: AbortSignal): Promise<ResultOf<D>> {
      return client.request<ResultOf<D>>(document, variables as Values, signal);
    },

    rest(path: string, init?: RequestInit): Promise<Response> {
      return client.rest(path, init);
    },

    upload<T>(path: string, body: Blob, onProgress: (sent: number, total: number) => void): Promise<T> {
      return client.upload<T>(path, body, onProgress);
    },

    async mutate<D extends MutationDocument>(document: D, variables: VariablesOf<D>): Promise<MutationSuccess<D>> {
      const { data } = await client.request<{ data: MutationSuccess<D> }>(document, variables as Values);
      return unwrapResult(data, translate);
    },
  };
  return provider;
}
