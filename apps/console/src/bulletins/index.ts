import CampaignIcon from '@mui/icons-material/Campaign';
import { lazyPage } from '../common/lazy-page';
// pages load when first opened: the first screen downloads none of them
const BulletinCreate = lazyPage(() => import('./BulletinPages'), 'BulletinCreate');
const BulletinList = lazyPage(() => import('./BulletinPages'), 'BulletinList');

/** Bulletins (工作信息). */
export const bulletins = {
  list: BulletinList,
  create: BulletinCreate,
  icon: CampaignIcon,
  recordRepresentation: (r: { title: string }) => r.title,
};
