import { Box, ListSubheader } from '@mui/material';
import { Fragment, type ReactNode } from 'react';
import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { canAccess } from '../auth/permissions';
import { type Permissions } from '../auth/auth-provider';

/** One section of the menu: a heading and the entries (resources or pages) it lists. */
export interface MenuSection {
  readonly label: string;
  readonly entries: readonly MenuEntry[];
}

/** A resource (by name) or a custom page (by path) shown in the menu. */
export type MenuEntry =
  | { readonly resource: string }
  | { readonly page: string; readonly to: string; readonly label: string; readonly icon: ReactNode };

/**
 * The menu, grouped by task; each role sees only the entries it may open, and
 * no empty heading. It is a navigation landmark of links with section
 * headings (react-admin's is an ARIA menu, whose items cannot have headings):
 * Tab goes from link to link, Enter opens one.
 */
export function AppMenu({ sections }: { sections: readonly MenuSection[] }) {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const [open] = useSidebarState();
  const user = permissions ? { roles: permissions.roles } : null;
  const visible = (entry: MenuEntry) =>
    canAccess(user, 'resource' in entry ? entry.resource : entry.page, 'resource' in entry ? 'list' : 'access');
  return (
    <Box component="nav" aria-label={translate('pingyi.menu.navigation')}>
      <Menu role="none">
        <Menu.DashboardItem primaryText={translate('pingyi.menu.dashboard')} role="link" />
        {sections.map((section) => {
          const entries = section.entries.filter(visible);
          if (!entries.length) return null;
          return (
            <Fragment key={section.label}>
              {open && (
                <ListSubheader
                  component="div"
                  role="heading"
                  aria-level={2}
                  disableSticky
                  sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent', fontSize: 12, color: 'text.secondary' }}
                >
                  {translate(section.label)}
                </ListSubheader>
              )}
              {entries.map((entry) =>
                'resource' in entry ? (
                  <Menu.ResourceItem key={entry.resource} name={entry.resource} role="link" />
                ) : (
                  <Menu.Item
                    key={entry.page}
                    to={entry.to}
                    primaryText={translate(entry.label)}
                    leftIcon={entry.icon}
                    role="link"
                  />
                ),
              )}
            </Fragment>
          );
        })}
      </Menu>
    </Box>
  );
}
