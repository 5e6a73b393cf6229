// GraphQL of the work plan pages (themes, progress updates, summary).

import { ERROR_RESULT, graphql, type ResultOf } from '../data/graphql';

const UPDATE = graphql(`fragment WorkItemUpdateFields on WorkItemUpdate {
  id workItemId date progress note unitCode reportedBy createdAt
}`);
const SUMMARY = graphql(`fragment WorkItemSummaryFields on WorkItemSummary {
  unitCode total notStarted inProgress completed meanProgress
}`);

export const THEMES = graphql(
  `query Themes($campaignId: ID!) { themes(campaignId: $campaignId) { id code number title sourceGaps } }`,
);
export const SET_THEMES = graphql(
  `mutation SetThemes($campaignId: ID!, $themes: [ThemeInput!]!) {
  data: setThemes(campaignId: $campaignId, themes: $themes) {
    __typename ... on ThemeList { items { id } } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);

export const WORK_ITEM_UPDATES = graphql(
  `query WorkItemUpdates($workItemId: ID!) {
  workItemUpdates(workItemId: $workItemId) { ...WorkItemUpdateFields }
}`,
  [UPDATE],
);
export const REPORT_PROGRESS = graphql(
  `mutation ReportProgress($workItemId: ID!, $input: ReportProgressInput!) {
  data: reportWorkItemProgress(workItemId: $workItemId, input: $input) {
    __typename ... on WorkItemUpdate { ...WorkItemUpdateFields } ...ErrorResultFields
  }
}`,
  [UPDATE, ERROR_RESULT],
);

export const WORK_PLAN_SUMMARY = graphql(
  `query WorkPlanSummary($campaignId: ID!) {
  workPlanSummary(campaignId: $campaignId) {
    overall { ...WorkItemSummaryFields } byLeadUnit { ...WorkItemSummaryFields }
  }
}`,
  [SUMMARY],
);

export type Theme = ResultOf<typeof THEMES>['themes'][number];

export type WorkItemUpdate = ResultOf<typeof WORK_ITEM_UPDATES>['workItemUpdates'][number];

export interface WorkItemRecord {
  id: string;
  number: number;
  title: string | null;
  text: string;
  progress: number;
  elided: boolean;
  theme: Theme;
  themeCode: string;
  leadUnits: { code: string; name: string }[];
  leadUnitCodes: string[];
}
