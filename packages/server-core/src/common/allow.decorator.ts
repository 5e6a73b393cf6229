import { SetMetadata } from '@nestjs/common';
import { type Permission } from './roles';

export const ALLOW_METADATA_KEY = 'pingyi:allow';

/**
 * Declares who may call a resolver (query, mutation, field resolver) or
 * controller route. Without it the global guard refuses the call: deny by
 * default. `@Allow(Role.admin, Role.office)`, `@Allow(Public)`, `@Allow(Authenticated)`.
 * On a class it applies to every handler that has no `@Allow` of its own.
 */
export const Allow = (...permissions: [Permission, ...Permission[]]) => SetMetadata(ALLOW_METADATA_KEY, permissions);
