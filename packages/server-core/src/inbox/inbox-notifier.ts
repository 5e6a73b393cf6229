import { type MessageKey, messageText, type NotifyTarget, type ReasonParams } from '@pingyi/domain';
import { type EntityManager } from 'typeorm';
import { unitNamesOf } from '../organization/unit-names';
import { InboxEntry, type InboxSubject } from './inbox-entry.entity';

/** One notification for one audience of the bureau's inbox. */
export interface InboxNotice {
  readonly bureauId: number;
  readonly campaignId: number;
  readonly target: NotifyTarget;
  /** The unit the notice is about; for target `unit`, also whose liaisons get it (unless `audienceUnitCode` says another). */
  readonly unitCode: string;
  readonly audienceUnitCode?: string | null;
  /** For target `supervisingLeader`: the leader, by name. */
  readonly person?: string | null;
  readonly subjectType: InboxSubject;
  readonly subjectId: number;
  /** Why (an event or action name: `proposePlan`, `issueNotice`). */
  readonly reason: string;
  /** What it says: a sentence of the shared catalog (`notifyCriticismNotice`) and its parameters; the unit's name is added as `unitName`. */
  readonly sentence: { readonly key: MessageKey; readonly params: ReasonParams };
}

const MAX_MESSAGE_CHARS = 500;
const MAX_PARAMS_CHARS = 2000;
const CHUNK = 200;

const clip = (text: string, max = MAX_MESSAGE_CHARS): string =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;

/** The parameters as JSON within the column's size: long texts (a title) are clipped to share it. */
function clipParams(params: ReasonParams): string {
  let json = JSON.stringify(params);
  for (let max = MAX_MESSAGE_CHARS; json.length > MAX_PARAMS_CHARS && max > 20; max = Math.floor(max / 2))
    json = JSON.stringify(
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? clip(v, max) : v])),
    );
  return json;
}

/**
 * The inbox's one way in: writes notifications in the caller's transaction,
 * worded with the units' names (never their codes), in chunks of one
 * statement each. Each keeps its sentence's key and parameters, which the
 * console says in the user's language, and the Chinese sentence as `message`.
 */
export async function notify(manager: EntityManager, notices: readonly InboxNotice[]): Promise<void> {
  if (notices.length === 0) return;
  const names = new Map<number, Map<string, string>>();
  for (const campaignId of new Set(notices.map((notice) => notice.campaignId))) {
    names.set(
      campaignId,
      await unitNamesOf(
        manager,
        campaignId,
        notices.filter((notice) => notice.campaignId === campaignId).map((notice) => notice.unitCode),
      ),
    );
  }
  const rows = notices.map((notice) => {
    const unitName = names.get(notice.campaignId)?.get(notice.unitCode) ?? notice.unitCode;
    const params = { ...notice.sentence.params, unitName };
    return {
      bureauId: notice.bureauId,
      campaignId: notice.campaignId,
      target: notice.target,
      unitCode: notice.target === 'unit' ? (notice.audienceUnitCode ?? notice.unitCode) : null,
      person: notice.person ?? null,
      subjectType: notice.subjectType,
      subjectId: notice.subjectId,
      reason: notice.reason,
      message: clip(messageText(notice.sentence.key, params, 'zh')),
      messageKey: notice.sentence.key,
      messageParamsJson: clipParams(params),
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) await manager.insert(InboxEntry, rows.slice(i, i + CHUNK));
}
