export const TESTING_VERSION = 1;
