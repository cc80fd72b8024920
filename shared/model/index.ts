/**
 * The workspace model: the types of agents, contracts, queues and intervals that the database, the engine, the
 * services and the demo generator share. Types only, no behaviour.
 */
export * from './agents';
export * from './contracts';
export * from './intervals';
export * from './queues';
export * from './workspace';
