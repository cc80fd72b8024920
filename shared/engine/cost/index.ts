/** The cost engine: full cost per agent, cost per ticket and the savings of shorter handle time and better FCR. */
export * from './costModel';
