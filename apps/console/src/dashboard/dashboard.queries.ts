// GraphQL of the dashboard cards.

import { graphql, type ResultOf } from '../data/graphql';

export const PARTICIPATION = graphql(`query Participation($campaignId: ID!) {
  participation(campaignId: $campaignId) {
    ballots quota opinions groups { code label quota ballots online paper rate }
  }
}`);

export const STANDINGS_GLANCE = graphql(`query StandingsGlance($campaignId: ID!) {
  standings(campaignId: $campaignId) {
    ratingCount policyJson standings { unitCode unitName score rank tier tierLabel valid }
  }
}`);

export const RECTIFICATION_DASHBOARD = graphql(`query RectificationDashboard($campaignId: ID!) {
  rectificationDashboard(campaignId: $campaignId) {
    today
    overall {
      total items closed dismissed rate overdue dueSoon supervised supervisionReportsDue lookBacksDue
    }
    byUnit {
      unitCode total items closed dismissed rate overdue dueSoon supervised supervisionReportsDue lookBacksDue
    }
  }
}`);

export type DashboardFigures = ResultOf<typeof RECTIFICATION_DASHBOARD>['rectificationDashboard']['overall'];

export type GlanceStanding = ResultOf<typeof STANDINGS_GLANCE>['standings']['standings'][number];
