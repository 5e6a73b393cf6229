// GraphQL of the dashboard cards.

export const PARTICIPATION = `query Participation($campaignId: ID!) {
  participation(campaignId: $campaignId) { ballots quota opinions groups { code label quota ballots online paper rate } }
}`;

export const STANDINGS_GLANCE = `query StandingsGlance($campaignId: ID!) {
  standings(campaignId: $campaignId) { ratingCount policyJson standings { unitCode unitName score rank tier tierLabel valid } }
}`;

const FIGURES = 'total items closed dismissed rate overdue dueSoon supervised supervisionReportsDue lookBacksDue';
export const RECTIFICATION_DASHBOARD = `query RectificationDashboard($campaignId: ID!) {
  rectificationDashboard(campaignId: $campaignId) { today overall { ${FIGURES} } byUnit { unitCode ${FIGURES} } }
}`;

export interface Participation {
  ballots: number;
  quota: number;
  opinions: number;
  groups: {
    code: string;
    label: string;
    quota: number;
    ballots: number;
    online: number;
    paper: number;
    rate: number;
  }[];
}

export interface DashboardFigures {
  total: number;
  items: number;
  closed: number;
  dismissed: number;
  rate: number | null;
  overdue: number;
  dueSoon: number;
  supervised: number;
  supervisionReportsDue: number;
  lookBacksDue: number;
}

export interface RectificationDashboard {
  today: string;
  overall: DashboardFigures;
  byUnit: (DashboardFigures & { unitCode: string })[];
}

export interface GlanceStanding {
  unitCode: string;
  unitName: string | null;
  score: number | null;
  rank: number | null;
  tier: string | null;
  tierLabel: string | null;
  valid: boolean;
}
