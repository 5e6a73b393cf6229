import GavelIcon from '@mui/icons-material/Gavel';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import PolicyIcon from '@mui/icons-material/Policy';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { lazyPage } from '../common/lazy-page';
// pages load when first opened: the first screen downloads none of them
const InspectionCreate = lazyPage(() => import('./InspectionPages'), 'InspectionCreate');
const InspectionList = lazyPage(() => import('./InspectionPages'), 'InspectionList');
const InspectionShow = lazyPage(() => import('./InspectionPages'), 'InspectionShow');
const AccountabilityCreate = lazyPage(() => import('./NoticePages'), 'AccountabilityCreate');
const AccountabilityList = lazyPage(() => import('./NoticePages'), 'AccountabilityList');
const NoticeCreate = lazyPage(() => import('./NoticePages'), 'NoticeCreate');
const NoticeList = lazyPage(() => import('./NoticePages'), 'NoticeList');
const PolicyActionCreate = lazyPage(() => import('./PolicyActionPages'), 'PolicyActionCreate');
const PolicyActionEdit = lazyPage(() => import('./PolicyActionPages'), 'PolicyActionEdit');
const PolicyActionList = lazyPage(() => import('./PolicyActionPages'), 'PolicyActionList');
const PolicyActionShow = lazyPage(() => import('./PolicyActionPages'), 'PolicyActionShow');

/** Inspections (明查暗访). */
export const inspections = {
  list: InspectionList,
  create: InspectionCreate,
  show: InspectionShow,
  icon: VisibilityIcon,
  recordRepresentation: (r: { date: string; summary: string }) => `${r.date} ${r.summary.slice(0, 20)}`,
};
/** Criticism notices (通报批评). */
export const criticismNotices = {
  list: NoticeList,
  create: NoticeCreate,
  icon: GavelIcon,
  recordRepresentation: (r: { title: string }) => r.title,
};
/** Accountability (责任追究). */
export const accountabilityRecords = { list: AccountabilityList, create: AccountabilityCreate, icon: HowToRegIcon };
/** Policy actions (建章立制). */
export const policyActions = {
  list: PolicyActionList,
  create: PolicyActionCreate,
  edit: PolicyActionEdit,
  show: PolicyActionShow,
  icon: PolicyIcon,
  recordRepresentation: (r: { title: string }) => r.title,
};
