/** Capacity dashboard rules (pure): red/yellow/green thresholds with their actions, trend lines, coverage gaps. */
export * from './thresholds';
