import BuildCircleIcon from '@mui/icons-material/BuildCircle';
import { lazyPage } from '../common/lazy-page';
// pages load when first opened: the first screen downloads none of them
const RectificationCreate = lazyPage(() => import('./RectificationCreate'), 'RectificationCreate');
const RectificationList = lazyPage(() => import('./RectificationList'), 'RectificationList');
const RectificationShow = lazyPage(() => import('./RectificationShow'), 'RectificationShow');

/** Rectification items (整改项目): list, detail with transitions, opening. */
export const rectificationItems = {
  list: RectificationList,
  show: RectificationShow,
  create: RectificationCreate,
  icon: BuildCircleIcon,
  recordRepresentation: (record: { title: string }) => record.title,
};
