import CampaignIcon from '@mui/icons-material/Campaign';
import { BulletinCreate, BulletinList } from './BulletinPages';

/** Bulletins (工作信息). */
export const bulletins = { list: BulletinList, create: BulletinCreate, icon: CampaignIcon, recordRepresentation: (r: { title: string }) => r.title };
