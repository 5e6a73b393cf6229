import GavelIcon from '@mui/icons-material/Gavel';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import PolicyIcon from '@mui/icons-material/Policy';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { InspectionCreate, InspectionList, InspectionShow } from './InspectionPages';
import { AccountabilityCreate, AccountabilityList, NoticeCreate, NoticeList } from './NoticePages';
import { PolicyActionCreate, PolicyActionEdit, PolicyActionList, PolicyActionShow } from './PolicyActionPages';

/** Inspections (明查暗访). */
export const inspections = { list: InspectionList, create: InspectionCreate, show: InspectionShow, icon: VisibilityIcon, recordRepresentation: (r: { date: string; summary: string }) => `${r.date} ${r.summary.slice(0, 20)}` };
/** Criticism notices (通报批评). */
export const criticismNotices = { list: NoticeList, create: NoticeCreate, icon: GavelIcon, recordRepresentation: (r: { title: string }) => r.title };
/** Accountability (责任追究). */
export const accountabilityRecords = { list: AccountabilityList, create: AccountabilityCreate, icon: HowToRegIcon };
/** Policy actions (建章立制). */
export const policyActions = { list: PolicyActionList, create: PolicyActionCreate, edit: PolicyActionEdit, show: PolicyActionShow, icon: PolicyIcon, recordRepresentation: (r: { title: string }) => r.title };
