// Public API of @pingyi/server-core: what apps/server, the test kit and plugins use.

export * from './config/pingyi-config';
export * from './config/config.tokens';
export * from './config/config.module';

export * from './database/data-source-options';
export * from './database/dialect';
export * from './database/migration-columns';
export * from './database/column-defaults';
export * from './database/snake-naming.strategy';
export * from './database/statement-counter';
export { Transactions } from './database/transactions';
export { sqliteGateOf } from './database/sqlite-gate';

export * from './common/allow.decorator';
export * from './common/allow.guard';
export * from './common/audit-sink';
export * from './common/authenticator';
export * from './common/ctx.decorator';
export * from './common/error-result';
export * from './common/pagination';
export * from './common/pingyi-feature';
export * from './common/request-context';
export * from './common/roles';
export * from './common/scoping';
export * from './common/unit-directory';
export * from './common/validation';

export * from './graphql/graphql-options';
export * from './graphql/query-limits';
export * from './graphql/operation-measure';
export * from './graphql/document-limits';
export * from './graphql/format-error';

export * from './settings/server-secret.service';
export * from './ballot-box/ballot-box.service';
export * from './ballot-box/ballot-mixer.service';
export * from './ballot-box/boxed-ballot';
export { ACCESS_CODE_BITS, checkSymbolOf, formatAccessCode, generateAccessCode } from './access-code/access-code-format';
export { CODE_GUESS_WINDOW_MS, CODE_SPACE, expectedHitsPerMonth, MAX_CODE_GUESSES } from './ballot-casting/code-guess-throttle.service';
export * from './bureau/bureau.entity';
export * from './bureau/bureau.service';
export * from './auth/user.entity';
export * from './auth/auth-token.entity';
export * from './auth/auth.errors';
export * from './auth/user.service';
export * from './auth/token.service';
export * from './auth/password-hasher';
export * from './auth/first-start.service';
export { GENERATED_PASSWORDS_FILE } from './auth/show-once';
export * from './audit/audit.decorator';
export * from './audit/audit-entry.entity';
export * from './audit/audit.service';

// Campaign content: campaigns, organization, work plan, bulletins, appraisal storage, results, demo.
export * from './campaign/campaign.entity';
export * from './campaign/evaluator-group.entity';
export * from './campaign/campaign.service';
export * from './campaign/campaign-calendar';
export * from './campaign/campaign.errors';
export * from './campaign/scoring-strategies.service';
export * from './organization/unit.entity';
export * from './organization/organization.service';
export * from './work-plan/theme.entity';
export * from './work-plan/work-item.entity';
export * from './work-plan/work-item-update.entity';
export * from './work-plan/work-item.service';
export * from './bulletin/bulletin.entity';
export * from './appraisal/ballot.entity';
export * from './appraisal/rating.entity';
export * from './appraisal/opinion.entity';
export * from './appraisal/ballot-storage.service';
export * from './results/result-snapshot.entity';
export * from './results/standings.service';
export * from './results/publication.service';
export * from './results/small-cells';
export { DEMO_USERS, demoYear } from './demo/demo-plan';

// Plugins, per-unit indicators and campaign templates: what plugin authors and the CLI use.
export * from './plugin/define-plugin';
export * from './plugin/plugin-registry';
export * from './plugin/plugin-config';
export * from './plugin/plugin-features';
export * from './plugin/semver-range';
export * from './plugin/server-version';
export * from './plugin/strategy-registry.provider';
export * from './indicator/indicator-declaration';
export * from './indicator/indicator-table';
export * from './indicator/indicator-strategy';
export * from './template/campaign-template';
export * from './template/seed-template';
export * from './template/campaign-config';
export * from './template/campaign-config-text';
export * from './template/check-campaign-config';
export * from './template/template-catalog';

// Rectification and supervision: entities, services and the clock tests and benchmarks use.
export { RectificationItem } from './rectification/rectification-item.entity';
export { RectificationHistoryEntry } from './rectification/rectification-history.entity';
export { RectificationSourceLink } from './rectification/rectification-source.entity';
export { RECTIFICATION_CLOCK, type RectificationClock, SYSTEM_CLOCK } from './rectification/rectification-clock';
export { RectificationCampaigns, type RectificationCampaign } from './rectification/rectification-campaigns.service';
export { RectificationItemService, DUE_SOON_DAYS } from './rectification/rectification-item.service';
export { RectificationTransitionService } from './rectification/rectification-transition.service';
export { RectificationDashboardService, rateOf } from './rectification/rectification-dashboard.service';
export { dashboardStatement, type DashboardQueryInput, type DashboardSqlRow, type SqlDialect, type SqlStatement } from './rectification/rectification-dashboard.sql';
export { RectificationSources, type SourceVerifier } from './rectification/rectification-sources.service';
export { Attachment } from './attachment/attachment.entity';
export { MAX_ATTACHMENT_BYTES, ATTACHMENT_TYPES } from './attachment/attachment-rules';
export { InboxEntry } from './inbox/inbox-entry.entity';
export { PolicyAction } from './supervision/policy-action.entity';
export { Inspection } from './supervision/inspection.entity';
export { InspectionFinding } from './supervision/inspection-finding.entity';
export { CriticismNotice } from './supervision/criticism-notice.entity';
export { AccountabilityRecord } from './supervision/accountability-record.entity';

export * from './modules';
export * from './pingyi-server.module';
export * from './bootstrap';

// The shared error type, for callers that do not depend on @pingyi/domain themselves.
export { PingyiError, isPingyiError } from '@pingyi/domain';
