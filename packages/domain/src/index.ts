export * from './errors/pingyi-error.js';
export * from './appraisal/rating-scale.js';
