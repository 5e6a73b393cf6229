import { auditLogDescriptor } from './audit/audit-log.descriptor';
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
  units: unitsDescriptor,
  themes: themesDescriptor,
  workItems: workItemsDescriptor,
  users: usersDescriptor,
  auditLog: auditLogDescriptor,
};
