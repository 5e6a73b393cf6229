import { Field } from '@nestjs/graphql';
import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

// Who did what when, one convention for every table:
// - who: `<verb>_by`, the username as it was then (varchar 64). Rows outlive
//   their users and must read as they were written, so never a user id alone;
//   where the id is kept too, it is `<verb>_by_user_id`.
// - when: `<verb>_at`, an instant; `<verb>_on`, a local day (`date`, YYYY-MM-DD).
// - a row's own insert and last-write times: `created_at` and `updated_at`,
//   filled by the database. A row whose insert is the act names its time after
//   the act (`uploaded_at` with `uploaded_by`); `created_by` goes with `created_at`.
// Each helper declares the column and its GraphQL field (a field is only
// served on an entity that is an object type); `name` keeps a field's public
// name where the property was renamed to the convention.

/** GraphQL options the helpers pass on. */
export interface RecordFieldOptions {
  nullable?: boolean;
  description?: string;
  /** The field's public name when it differs from the property (the API keeps its names). */
  name?: string;
}

const both =
  (field: PropertyDecorator, column: PropertyDecorator): PropertyDecorator =>
  (target, key) => {
    field(target, key);
    column(target, key);
  };

/** `<verb>_by`: the username of who did it. */
export const Actor = (options: RecordFieldOptions = {}): PropertyDecorator =>
  both(
    Field(() => String, options),
    Column({ type: 'varchar', length: 64, nullable: options.nullable ?? false }),
  );

/** `<verb>_at`: the instant it happened. */
export const Instant = (options: RecordFieldOptions = {}): PropertyDecorator =>
  both(
    Field(() => Date, options),
    Column({ type: Date, nullable: options.nullable ?? false }),
  );

/** `<verb>_on`: the local day it happened (YYYY-MM-DD). */
export const LocalDay = (options: RecordFieldOptions = {}): PropertyDecorator =>
  both(
    Field(() => String, options),
    Column({ type: 'date', nullable: options.nullable ?? false }),
  );

/** The insert time, filled by the database (`created_at`, or the act's `<verb>_at` when the insert is the act). */
export const CreatedAt = (options: Omit<RecordFieldOptions, 'nullable'> = {}): PropertyDecorator =>
  both(
    Field(() => Date, options),
    CreateDateColumn(),
  );

/** `updated_at`: the last write, filled by the database. */
export const UpdatedAt = (options: Omit<RecordFieldOptions, 'nullable'> = {}): PropertyDecorator =>
  both(
    Field(() => Date, options),
    UpdateDateColumn(),
  );
