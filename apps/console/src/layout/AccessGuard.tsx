import { type ReactNode } from 'react';
import { AccessDenied, Loading, useCanAccess } from 'react-admin';

/** Shows a custom page only to roles that may open it (resources get this from react-admin). */
export function AccessGuard({ page, children }: { page: string; children: ReactNode }) {
  const { canAccess, isPending } = useCanAccess({ resource: page, action: 'access' });
  if (isPending) return <Loading />;
  if (!canAccess) return <AccessDenied />;
  return <>{children}</>;
}
