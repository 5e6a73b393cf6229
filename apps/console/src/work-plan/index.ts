import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyPage } from '../common/lazy-page';
// pages load when first opened: the first screen downloads none of them
const WorkItemCreate = lazyPage(() => import('./WorkItemCreate'), 'WorkItemCreate');
const WorkItemEdit = lazyPage(() => import('./WorkItemCreate'), 'WorkItemEdit');
const WorkItemList = lazyPage(() => import('./WorkItemList'), 'WorkItemList');
const WorkItemShow = lazyPage(() => import('./WorkItemShow'), 'WorkItemShow');

/** Work plan (重点工作): items by theme with lead units, progress and an update timeline. */
export const workItems = {
  list: WorkItemList,
  show: WorkItemShow,
  edit: WorkItemEdit,
  create: WorkItemCreate,
  icon: AssignmentIcon,
  recordRepresentation: (record: { number: number; title: string | null }) =>
    `（${record.number}）${record.title ?? ''}`,
};
