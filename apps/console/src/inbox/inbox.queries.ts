// GraphQL of the inbox (待办消息): notifications and today's alerts, the unread count of the app bar's bell.

import { ERROR_RESULT, graphql } from '../data/graphql';

export const INBOX = graphql(`query Inbox($options: ListOptions, $unreadOnly: Boolean) {
  inbox(options: $options, unreadOnly: $unreadOnly) {
    unread
    notifications {
      totalItems
      items { id campaignId subjectType subjectId reason message messageKey messageParamsJson createdAt read }
    }
    alerts {
      campaignId campaignName today overdue dueSoon supervised lookBacksDue supervisionReportsDue
      items { kinds item { id title unitCode state deadline } }
    }
  }
}`);

export const INBOX_UNREAD = graphql(`query InboxUnread { inbox(options: {take: 1}) { unread } }`);

export const MARK_INBOX_READ = graphql(
  `mutation MarkInboxRead($ids: [ID!]!) {
  data: markInboxRead(ids: $ids) { __typename ... on InboxReadMarked { marked } ...ErrorResultFields }
}`,
  [ERROR_RESULT],
);
