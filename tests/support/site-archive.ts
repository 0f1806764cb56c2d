import { join } from 'node:path';

/**
 * The archive the end-to-end tests build: Kestrel Energy, a fictional energy supplier, with 11
 * post-mortems on the site (one a near-miss, one in review) and 2 drafts, February 2025 to October 2026.
 */
export const SITE_ARCHIVE = join(import.meta.dirname, '../fixtures/site');

/** The day the fixture site is built for: overdue items and budgets left are judged against it. */
export const SITE_TODAY = '2026-10-15';
