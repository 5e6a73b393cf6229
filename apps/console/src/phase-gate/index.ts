export { actionWindowOf, closedHint, type GatedCampaign, hasClosed, hasOpened, windowKey } from './action-windows';
export { OpenToday, PhaseGate, useActionGate } from './PhaseGate';
