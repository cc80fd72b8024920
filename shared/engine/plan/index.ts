export * from './types';
export * from './projection';
