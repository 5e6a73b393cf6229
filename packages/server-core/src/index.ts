/**
 * The public API of `@pingyi/server-core`: what an app that serves Pingyi, a
 * plugin and the test kit may use. Everything else in `src/` is internal and
 * may change in any release. Named exports only (ESLint refuses `export *`
 * here), so that adding a symbol is a decision; `etc/server-core.api.md` is the
 * API report CI compares (`npm run api:update --workspace @pingyi/server-core`
 * writes it anew).
 *
 * @packageDocumentation
 */

// ── Starting a server ────────────────────────────────────────────────────────
export { bootstrap, type BootstrapOptions, type RunningServer } from './bootstrap';
export { PingyiServerModule, featuresOf, type PingyiServerOptions } from './pingyi-server.module';
export { CORE_FEATURES } from './modules';
export {
  loadConfig,
  assertConfigSafe,
  redactUrl,
  type PingyiConfig,
  type DatabaseConfig,
  type ConfigDefaults,
} from './config/pingyi-config';
export { PINGYI_CONFIG } from './config/config.tokens';
export { GRAPHQL_PATH } from './graphql/graphql-options';
export { GENERATED_PASSWORDS_FILE } from './auth/show-once';
export { DEMO_USERS, demoYear } from './demo/demo-plan';

// ── Plugins: strategies, indicators, templates, the config file ──────────────
export {
  definePlugin,
  isPingyiPlugin,
  type PingyiPlugin,
  type PluginDefinition,
  type ScalePreset,
  type EvaluatorGroupPreset,
} from './plugin/define-plugin';
export { PluginRegistry, type PluginUse, type Contributed } from './plugin/plugin-registry';
export {
  findConfigFile,
  loadPluginConfig,
  loadPlugin,
  CONFIG_FILE_NAMES,
  CONFIG_FILE_ENV,
  type PluginConfigEntry,
  type LoadedConfig,
  type FindConfigOptions,
  type LoadConfigOptions,
} from './plugin/plugin-config';
export { pluginFeatures } from './plugin/plugin-features';
export { SERVER_CORE_VERSION } from './plugin/server-version';
export {
  defineIndicatorStrategy,
  isIndicatorStrategy,
  bindIndicators,
  type IndicatorStrategy,
  type IndicatorStrategyDefinition,
  type UnitIndicators,
} from './indicator/indicator-strategy';
export { type IndicatorDeclaration } from './indicator/indicator-declaration';
export { IndicatorTable, type IndicatorValueRow, type IndicatorValuesByUnit } from './indicator/indicator-table';
export { type CampaignTemplate } from './plugin/campaign-template';
export { SEED_TEMPLATE } from './template/seed-template';
export {
  campaignConfigFromTemplate,
  CAMPAIGN_CONFIG_FORMAT,
  CAMPAIGN_CONFIG_VERSION,
  type CampaignConfig,
  type ConfigPhase,
  type ConfigEvaluatorGroup,
  type ConfigOfficeMember,
} from './template/campaign-config';
export {
  formatOfFileName,
  formatCampaignConfig,
  parseCampaignConfigText,
  CAMPAIGN_CONFIG_FORMATS,
  type CampaignConfigFormat,
} from './template/campaign-config-text';
export {
  checkCampaignConfig,
  type CheckedCampaignConfig,
  type CampaignConfigCheck,
} from './template/check-campaign-config';
export { listTemplates, findTemplateOrThrow, type CatalogTemplate } from './template/template-catalog';

// ── A module of your own (a feature or a plugin's module) ────────────────────
export {
  definePingyiFeature,
  collectEntities,
  collectMigrations,
  type PingyiFeature,
  type MigrationClass,
} from './common/pingyi-feature';
export { Allow } from './common/allow.decorator';
export { Role, ALL_ROLES, Public, Authenticated, type Permission } from './common/roles';
export { Ctx } from './common/ctx.decorator';
export {
  RequestContext,
  type SessionUser,
  type AuditNote,
  type RequestContextSnapshot,
} from './common/request-context';
export { type AuditOptions } from './common/audit-sink';
export { whereBureau, unitScopeOf, assertUnitInScope, whereUnitInScope } from './common/scoping';
export { Audit } from './audit/audit.decorator';
export { type ProblemData, type ProblemSentence } from './common/problem-result';
export {
  defineErrorResult,
  defineResultUnion,
  ErrorResultBase,
  InvalidArgumentError,
  NotFoundError,
  type ErrorResultClass,
  type ResultError,
  type ResultUnion,
} from './common/error-result';
export {
  PaginatedList,
  checkListOptions,
  paginate,
  SortOrder,
  SortInput,
  ListOptions,
  DEFAULT_TAKE,
  MAX_TAKE,
  type Page,
  type ListSpec,
  type CheckedListOptions,
} from './common/pagination';
export {
  checkText,
  checkOptionalText,
  checkInt,
  checkOneOf,
  checkList,
  checkIsoDate,
  checkIsoDateTime,
  checkId,
  checkCode,
  CODE_PATTERN,
  type TextRule,
} from './common/validation';
export { Transactions } from './database/transactions';
export { type SqlStep, type StepSource, type StepRows, type RunOutcome } from './database/sql-steps';
export {
  idColumn,
  bureauIdColumn,
  bureauForeignKey,
  campaignForeignKey,
  dateTimeColumn,
  createdAtColumn,
  dateTimeType,
  isPostgres,
  column,
} from './database/migration-columns';
export { booleanDefault } from './database/column-defaults';
export { BureauOwned, CampaignOwned, UnitOwned } from './database/owned-columns';
export { PingyiError, isPingyiError } from '@pingyi/domain';

// ── Operations: backup and restore (`pingyi backup` / `pingyi restore`), the server's lifecycle ─
export { BackupError } from './backup/backup-error';
export {
  type BackupFile,
  type BackupManifest,
  type BackupTable,
  EXCLUDED_TABLES,
  MANIFEST_FILE,
  readVerifiedManifest,
} from './backup/backup-manifest';
export { createBackup, type BackupOptions, type BackupResult } from './backup/backup';
export { restoreBackup, type RestoreOptions, type RestoreResult } from './backup/restore';
export { flushBallotBox } from './backup/box-flush';
export { ServerLifecycle } from './health/server-lifecycle';
export { graphqlOperationOf } from './logging/graphql-operation';

// ── Embedding: the database and the GraphQL limits, as the server sets them up ─
export { buildDataSourceOptions, type DataSourceParts } from './database/data-source-options';
export { adaptMetadataToDialect, initializeDataSource } from './database/dialect';
export { sqliteGateOf, type SqliteGate, type SqliteDriverLike, type SqliteConnection } from './database/sqlite-gate';
export { StatementCounter, type RecordedStatement } from './database/statement-counter';
export { checkQueryLimits, DEFAULT_QUERY_LIMITS, type QueryLimits, type LimitScope } from './graphql/query-limits';
export { measureOperation, type OperationMeasure } from './graphql/operation-measure';
export { checkDocument, checkDocumentSize, type DocumentRefusal } from './graphql/document-limits';

// ── Services and entities a test of a server takes from the running app ──────
// (`server.app.get(Service)`) and benchmarks: seeding data as a campaign would hold it,
// emptying the ballot box, reading what was stored. Not for plugins.
export { Campaign } from './campaign/campaign.entity';
export { CampaignService } from './campaign/campaign.service';
export { Bureau } from './bureau/bureau.entity';
export { AuthToken } from './auth/auth-token.entity';
export { AuditEntry } from './audit/audit-entry.entity';
export { hashPassword } from './auth/password-hasher';
export { ServerSecretService } from './settings/server-secret.service';
export { BallotBoxService } from './ballot-box/ballot-box.service';
export { BallotMixer } from './ballot-box/ballot-mixer.service';
export { BallotStorageService, type BallotToStore, type OpinionToStore } from './appraisal/ballot-storage.service';
export { generateAccessCode, formatAccessCode } from './access-code/access-code-format';
export { MAX_CODE_GUESSES, CODE_GUESS_WINDOW_MS } from './ballot-casting/code-guess-throttle.service';

export { User } from './auth/user.entity';
export { UserService } from './auth/user.service';
export { AuditService } from './audit/audit.service';
export { WorkItemService } from './work-plan/work-item.service';
export { StandingsService } from './results/standings.service';
export { groupResponse, unitResponse, participationOf, type GroupFigures } from './results/response-rates';
export { GroupResponse, NotScoredGroup } from './results/dto/response.dto';
export { RectificationDashboardService } from './rectification/rectification-dashboard.service';
export { dashboardStatement } from './rectification/rectification-dashboard.sql';
export { DUE_SOON_DAYS } from './rectification/rectification-item.service';
export { DocumentsService } from './documents/documents.service';
export { EvaluatorGroupContact } from './documents/group-contact.entity';
export { GroupReminder } from './documents/group-reminder.entity';
export { renderDocument, DOCUMENT_FORMATS, type DocumentFormat } from './documents/render';
export {
  type OfficialDocument,
  type DocSection,
  type DocBlock,
  type DocTable,
  type DocParagraph,
} from './documents/content/document-model';

// the types their signatures name
export { type ScryptCost } from './auth/password-hasher';
export { type EvaluatorGroup } from './campaign/evaluator-group.entity';
export { type Unit } from './organization/unit.entity';
export { type CreateCampaignOptions, type CampaignRemoval } from './campaign/campaign.service';
export {
  type CampaignListFilter,
  type CreateCampaignInput,
  type UpdateCampaignInput,
  type CampaignPhaseInput,
  type NumberedTextInput,
  type EvaluatorGroupInput,
  type CampaignSeriesInput,
} from './campaign/dto/campaign.dto';
export { type CampaignSeries, type NumberedText } from './campaign/campaign-parts.types';
export { type CodeAndLabel } from './common/code-and-label';
export { type ReferenceCount } from './database/reference-usage';
export { type ScoringStrategies } from './campaign/scoring-strategies.service';
export { type CampaignChangeFeed, type CampaignChangeListener } from './campaign/campaign-change-feed';
export { type BallotChannel } from './appraisal/ballot.entity';
export { type OpinionStatus } from './appraisal/opinion.entity';
export { type BoxedBallot } from './ballot-box/boxed-ballot';
export { type SealedEntry, type WaitingBallot } from './ballot-box/ballot-box.service';
export { type WaitingSummary } from './ballot-box/waiting-summaries';
export { type MixPolicy } from './ballot-box/mix-policy';
export { type CountedBatch } from './ballot-box/tally-stamp';
export { type ServerSetting } from './settings/server-setting.entity';
