import BuildCircleIcon from '@mui/icons-material/BuildCircle';
import { RectificationCreate } from './RectificationCreate';
import { RectificationList } from './RectificationList';
import { RectificationShow } from './RectificationShow';

/** Rectification items (整改项目): list, detail with transitions, opening. */
export const rectificationItems = {
  list: RectificationList,
  show: RectificationShow,
  create: RectificationCreate,
  icon: BuildCircleIcon,
  recordRepresentation: (record: { title: string }) => record.title,
};
