import EventNoteIcon from '@mui/icons-material/EventNote';
import { type CampaignRecord } from './campaign-values';
import { CampaignCreate } from './CampaignCreate';
import { CampaignEdit } from './CampaignEdit';
import { CampaignList } from './CampaignList';
import { CampaignShow } from './CampaignShow';

/** Campaigns (评议工作): every role reads; office and admin create and edit. */
export const campaigns = {
  list: CampaignList,
  show: CampaignShow,
  edit: CampaignEdit,
  create: CampaignCreate,
  icon: EventNoteIcon,
  recordRepresentation: (record: CampaignRecord) => record.name,
};
