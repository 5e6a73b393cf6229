/** Nest injection token of the {@link PingyiConfig}. */
export const PINGYI_CONFIG = Symbol('PINGYI_CONFIG');
