import AssignmentIcon from '@mui/icons-material/Assignment';
import { WorkItemCreate, WorkItemEdit } from './WorkItemCreate';
import { WorkItemList } from './WorkItemList';
import { WorkItemShow } from './WorkItemShow';

/** Work plan (重点工作): items by theme with lead units, progress and an update timeline. */
export const workItems = {
  list: WorkItemList,
  show: WorkItemShow,
  edit: WorkItemEdit,
  create: WorkItemCreate,
  icon: AssignmentIcon,
  recordRepresentation: (record: { number: number; title: string | null }) => `（${record.number}）${record.title ?? ''}`,
};
