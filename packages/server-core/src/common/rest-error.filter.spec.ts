import { type ArgumentsHost, NotFoundException } from '@nestjs/common';
import { PingyiError, refusal } from '@pingyi/domain';
import { BaseExceptionFilter } from '@nestjs/core';
import { describe, expect, it, vi } from 'vitest';
import { GraphqlExceptionFilter } from './graphql-exception.filter';

// A REST request's host as the platform filter sees it: the response records what is sent.
function restHost() {
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return response;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({}) }),
    getArgs: () => [{}, response],
    getArgByIndex: (i: number) => [{}, response][i],
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('the platform filter on every REST route', () => {
  it('answers a refusal with its status from the one table, its sentence and what it names', () => {
    const { host, sent } = restHost();
    new GraphqlExceptionFilter().catch(
      new PingyiError('DUPLICATE_FILE', 'this file was already uploaded', 'body', { batchId: '7' }),
      host,
    );
    expect(sent).toMatchObject({ status: 409, body: { errorCode: 'DUPLICATE_FILE', path: 'body', batchId: '7' } });
    const busy = restHost();
    new GraphqlExceptionFilter().catch(refusal('BATCH_NOT_OPEN', 'batchBusy', {}, 'batchId'), busy.host);
    expect(busy.sent).toMatchObject({ status: 409, body: { errorCode: 'BATCH_NOT_OPEN', messageKey: 'batchBusy' } });
  });

  it('answers an unexpected error 500 with the id it is logged under, and no detail of it', () => {
    const { host, sent } = restHost();
    new GraphqlExceptionFilter().catch(new Error('secret column "code" = ABCD'), host);
    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ errorCode: 'INTERNAL', messageKey: 'internalError' });
    expect(JSON.stringify(sent.body)).not.toContain('ABCD');
    expect(String((sent.body?.params as { id?: string })?.id)).toMatch(/^[0-9a-f]{12}$/);
  });

  it("leaves Nest's own HTTP exceptions (an unknown route) to Nest", () => {
    const nest = vi.spyOn(BaseExceptionFilter.prototype, 'catch').mockImplementation(() => undefined);
    const { host, sent } = restHost();
    new GraphqlExceptionFilter().catch(new NotFoundException(), host);
    expect(nest).toHaveBeenCalledOnce();
    expect(sent.status).toBeUndefined();
    nest.mockRestore();
  });
});
