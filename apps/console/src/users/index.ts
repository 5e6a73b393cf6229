import PeopleIcon from '@mui/icons-material/People';
import { lazyPage } from '../common/lazy-page';
// pages load when first opened: the first screen downloads none of them
const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyPage(() => import('./UserEdit'), 'UserEdit');
const UserList = lazyPage(() => import('./UserList'), 'UserList');

/** Users and roles (admins). */
export const users = {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: (record: { displayName?: string; username?: string }) =>
    record.displayName || record.username || '',
};
