import { type DynamicModule, type Type } from '@nestjs/common';
import { type MigrationInterface } from 'typeorm';

/** A TypeORM migration class (name ends with a 13-digit timestamp, e.g. `CreateBureau1751000000000`). */
export type MigrationClass = new () => MigrationInterface;

/**
 * One bounded context (or plugin) as the server composes it: its Nest module,
 * the entities it owns and the migrations that create them. Every module folder
 * exports one (`auth/auth.feature.ts`), and `src/modules.ts` lists them; the
 * database options and migration list are derived from that list only.
 */
export interface PingyiFeature {
  /** Short unique name (`auth`, `campaign`), used in logs and errors. */
  readonly name: string;
  readonly module: Type<unknown> | DynamicModule;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes of any shape
  readonly entities?: readonly Function[];
  readonly migrations?: readonly MigrationClass[];
}

/** Declares a feature; an identity function that checks the shape at compile time. */
export function definePingyiFeature(feature: PingyiFeature): PingyiFeature {
  return feature;
}

const MIGRATION_TIMESTAMP = /(\d{13})$/;

/** Entities of all features, in declaration order, without duplicates. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function collectEntities(features: readonly PingyiFeature[]): Function[] {
  return [...new Set(features.flatMap((f) => f.entities ?? []))];
}

/**
 * Migrations of all features ordered by their timestamp, which is how TypeORM
 * runs them. A name without a timestamp, or two migrations with the same
 * timestamp, is an error naming the feature.
 */
export function collectMigrations(features: readonly PingyiFeature[]): MigrationClass[] {
  const seen = new Map<string, string>();
  const all: { stamp: string; migration: MigrationClass }[] = [];
  for (const feature of features) {
    for (const migration of feature.migrations ?? []) {
      const stamp = MIGRATION_TIMESTAMP.exec(migration.name)?.[1];
      if (!stamp)
        throw new Error(`Migration ${migration.name} of feature "${feature.name}" must end with a 13-digit timestamp`);
      const other = seen.get(stamp);
      if (other) throw new Error(`Migrations ${other} and ${migration.name} share the timestamp ${stamp}`);
      seen.set(stamp, migration.name);
      all.push({ stamp, migration });
    }
  }
  return all.sort((a, b) => a.stamp.localeCompare(b.stamp)).map((m) => m.migration);
}
