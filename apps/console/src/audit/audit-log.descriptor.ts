import { graphql } from '../data/graphql';
import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

const iso = (value: unknown) =>
  value instanceof Date || (typeof value === 'string' && value) ? new Date(value as string).toISOString() : undefined;

/** The audit log (admin, office): every mutation with who, when and outcome; read-only. */
export const auditLogDescriptor: ResourceDescriptor = {
  typeName: 'AuditEntry',
  list: {
    document: graphql(`query ListAuditLog($options: ListOptions, $filter: AuditLogFilter) {
  data: auditLog(options: $options, filter: $filter) {
    items {
      id userId username operation args success errorCode requestId ip at reason
      changes { field before after }
    }
    totalItems
  }
}`),
    sortable: ['at', 'operation', 'username'],
    filter: (filter: Values) => compactFilter({ ...filter, from: iso(filter.from), to: iso(filter.to) }),
  },
};
