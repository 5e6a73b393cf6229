import { SetMetadata } from '@nestjs/common';
import { type AuditOptions } from '../common/audit-sink';

export const AUDIT_METADATA_KEY = 'pingyi:audit';

/**
 * Tunes how a mutation is written to the audit log (every mutation is,
 * without this decorator too): `@Audit({ args: false })` for anonymous
 * ballots, `@Audit({ redact: ['ratings'] })` for further private fields.
 */
export const Audit = (options: AuditOptions) => SetMetadata(AUDIT_METADATA_KEY, options);
