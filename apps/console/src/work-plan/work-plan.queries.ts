// GraphQL of the work plan pages (themes, progress updates, summary).

export const THEMES =
  'query Themes($campaignId: ID!) { themes(campaignId: $campaignId) { id code number title sourceGaps } }';
export const SET_THEMES = `mutation SetThemes($campaignId: ID!, $themes: [ThemeInput!]!) {
  data: setThemes(campaignId: $campaignId, themes: $themes) { __typename ... on ThemeList { items { id } } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;

const UPDATE = 'id workItemId date progress note unitCode reportedBy createdAt';
export const WORK_ITEM_UPDATES = `query WorkItemUpdates($workItemId: ID!) { workItemUpdates(workItemId: $workItemId) { ${UPDATE} } }`;
export const REPORT_PROGRESS = `mutation ReportProgress($workItemId: ID!, $input: ReportProgressInput!) {
  data: reportWorkItemProgress(workItemId: $workItemId, input: $input) { __typename ... on WorkItemUpdate { ${UPDATE} } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;

const SUMMARY = 'unitCode total notStarted inProgress completed meanProgress';
export const WORK_PLAN_SUMMARY = `query WorkPlanSummary($campaignId: ID!) { workPlanSummary(campaignId: $campaignId) { overall { ${SUMMARY} } byLeadUnit { ${SUMMARY} } } }`;

export interface Theme {
  id: string;
  code: string;
  number: number;
  title: string;
  sourceGaps: string[];
}

export interface WorkItemUpdate {
  id: string;
  workItemId: string;
  date: string;
  progress: number;
  note: string | null;
  unitCode: string | null;
  reportedBy: string;
  createdAt: string;
}

export interface WorkItemSummary {
  unitCode: string | null;
  total: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  meanProgress: number | null;
}

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
