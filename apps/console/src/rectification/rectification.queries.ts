import { ERROR_RESULT, graphql } from '../data/graphql';
export const FIRE_EVENT = graphql(
  `mutation FireRectificationEvent($id: ID!, $event: RectificationEventType!, $payload: RectificationEventPayload) {
  data: fireRectificationEvent(id: $id, event: $event, payload: $payload) {
    __typename ... on RectificationItem { id state version }
    ... on TransitionRefusedError { errorCode message path reason field } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);

export interface HistoryEntry {
  id: string;
  event: string;
  fromState: string | null;
  toState: string;
  at: string;
  date: string;
  role: string;
  actorUsername: string | null;
  actorUnitCode: string | null;
  details: Record<string, unknown>;
}

export interface AttachmentRow {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
  uploadedBy: string | null;
  unitCode: string;
  createdAt: string;
}
