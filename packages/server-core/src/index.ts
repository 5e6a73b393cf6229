export const SERVER_CORE_VERSION = 1;
