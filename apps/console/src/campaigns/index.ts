import EventNoteIcon from '@mui/icons-material/EventNote';
import { type CampaignRecord } from './campaign-values';
import { lazyPage } from '../common/lazy-page';
// pages load when first opened: the first screen downloads none of them
const CampaignCreate = lazyPage(() => import('./CampaignCreate'), 'CampaignCreate');
const CampaignEdit = lazyPage(() => import('./CampaignEdit'), 'CampaignEdit');
const CampaignList = lazyPage(() => import('./CampaignList'), 'CampaignList');
const CampaignShow = lazyPage(() => import('./CampaignShow'), 'CampaignShow');

/** Campaigns (评议工作): every role reads; office and admin create and edit. */
export const campaigns = {
  list: CampaignList,
  show: CampaignShow,
  edit: CampaignEdit,
  create: CampaignCreate,
  icon: EventNoteIcon,
  recordRepresentation: (record: CampaignRecord) => record.name,
};
