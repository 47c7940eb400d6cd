/** This package's version, as its package.json says (a test keeps the two equal). */
export const VERSION = '1.4.0';

/** The API version every request asks for unless told otherwise. */
export const API_VERSION = '2026-04-25';
