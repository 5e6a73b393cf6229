import { Module } from '@nestjs/common';

/** Holds the referential-integrity migration; the refusal mechanism is `database/reference-usage.ts`. */
@Module({})
export class IntegrityModule {}
