import { auditLogDescriptor } from './audit/audit-log.descriptor';
import { campaignsDescriptor } from './campaigns/campaigns.descriptor';
import { type ResourceDescriptor } from './data/resource-descriptor';
import { unitsDescriptor } from './organization/units.descriptor';
import { usersDescriptor } from './users/users.descriptor';

/** Every react-admin resource and how it maps onto the server (one descriptor per resource). */
export const RESOURCE_DESCRIPTORS: Readonly<Record<string, ResourceDescriptor>> = {
  campaigns: campaignsDescriptor,
  units: unitsDescriptor,
  users: usersDescriptor,
  auditLog: auditLogDescriptor,
};
