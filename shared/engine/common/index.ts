export * from './calculationStep';
export * from './ceilAgents';
