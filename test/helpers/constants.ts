/** The demo's end date is pinned in tests so its data (and DST days) are the same on every run. */
export const TEST_DEMO_END_DATE = '2026-11-21';
