import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** Whether a yes/no query parameter is set: `?wait=1` or `?wait=true`; anything else (or none) is no. */
export function isFlagSet(value: unknown): boolean {
  return value === '1' || value === 'true';
}

/** A REST route's yes/no query parameter as a boolean, e.g. `@QueryFlag('wait') wait: boolean`. */
export const QueryFlag = createParamDecorator((name: string, context: ExecutionContext): boolean =>
  isFlagSet(context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query?.[name]),
);
