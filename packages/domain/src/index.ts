export * from './errors/pingyi-error.js';
export * from './errors/domain-error-codes.js';
export * from './calendar/local-date.js';
export * from './calendar/campaign-calendar.js';
export * from './calendar/phase-gating.js';
export * from './appraisal/rating-scale.js';
