export * from './types';
export * from './projection';
export * from './optimiseHiring';
