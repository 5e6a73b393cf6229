import { auditLogDescriptor } from './audit/audit-log.descriptor';
import { bulletinsDescriptor } from './bulletins/bulletins.descriptor';
import { opinionsDescriptor } from './opinions/opinions.descriptor';
import {
  accountabilityRecordsDescriptor,
  criticismNoticesDescriptor,
  inspectionsDescriptor,
  policyActionsDescriptor,
} from './supervision/supervision.descriptors';
import { campaignsDescriptor } from './campaigns/campaigns.descriptor';
import { type ResourceDescriptor } from './data/resource-descriptor';
import { unitsDescriptor } from './organization/units.descriptor';
import { rectificationItemsDescriptor } from './rectification/rectification-items.descriptor';
import { usersDescriptor } from './users/users.descriptor';
import { themesDescriptor } from './work-plan/themes.descriptor';
import { workItemsDescriptor } from './work-plan/work-items.descriptor';

/** Every react-admin resource and how it maps onto the server (one descriptor per resource). */
export const RESOURCE_DESCRIPTORS: Readonly<Record<string, ResourceDescriptor>> = {
  campaigns: campaignsDescriptor,
  rectificationItems: rectificationItemsDescriptor,
  policyActions: policyActionsDescriptor,
  inspections: inspectionsDescriptor,
  criticismNotices: criticismNoticesDescriptor,
  accountabilityRecords: accountabilityRecordsDescriptor,
  bulletins: bulletinsDescriptor,
  opinions: opinionsDescriptor,
  units: unitsDescriptor,
  themes: themesDescriptor,
  workItems: workItemsDescriptor,
  users: usersDescriptor,
  auditLog: auditLogDescriptor,
};
