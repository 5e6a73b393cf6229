import { type ComponentType, lazy } from 'react';

/**
 * A page component loaded when first shown (react-admin's layout suspends
 * while it loads): `lazyPage(() => import('./UserList'), 'UserList')`.
 */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
