import { type LocalDate } from '../calendar/local-date.js';
import { type RectificationState, type Role } from './rectification-item.js';

/** Who a notification goes to: the responsible unit, the office, the supervising leader, the inspectors. */
export type NotifyTarget = 'unit' | 'office' | 'supervisingLeader' | 'inspectors';

/** What a transition asks the caller to do. Pure data: nothing runs until the server carries it out. */
export type RectificationEffect =
  | {
      /** Append to the item's history (audit trail). */
      readonly type: 'history';
      readonly itemId: string;
      readonly event: string;
      readonly from: RectificationState | null;
      readonly to: RectificationState;
      readonly role: Role;
      readonly actorUnitCode: string | null;
      readonly at: Date;
      /** `at` as a local date in the bureau's time zone. */
      readonly date: LocalDate;
      /** The event's checked payload (plan, deadline, note …). */
      readonly details: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'notify';
      readonly itemId: string;
      readonly to: NotifyTarget;
      /** Set when `to` is `unit`. */
      readonly unitCode?: string;
      /** Set when `to` is `supervisingLeader`. */
      readonly person?: string;
      /** The event that caused it (`open`, `verify`, `reportFixed` …); the server words the message. */
      readonly reason: string;
    }
  | { readonly type: 'scheduleLookBack'; readonly itemId: string; readonly due: LocalDate }
  | {
      /** Listed supervision: expect a progress report every `everyDays` days, the first by `firstDue`. */
      readonly type: 'scheduleSupervisionReports';
      readonly itemId: string;
      readonly everyDays: number;
      readonly firstDue: LocalDate;
    }
  | { readonly type: 'cancelSupervisionReports'; readonly itemId: string };
