/**
 * SLA engine (pure): policy matrix by priority × tier, business-hours clock, ticket mix, SLA → staffing with
 * compliance and the tightest keepable targets, L1/L2/L3 tier structure, and the blueprint's worked example.
 */
export * from './businessHours';
export * from './mix';
export * from './policy';
export * from './samplePolicy';
export * from './slaStaffing';
export * from './tiers';
export * from './tickets';
