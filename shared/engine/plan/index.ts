export * from './types';
export * from './projection';
export * from './optimiseHiring';
export * from './schema';
export * from './rampCurves';
