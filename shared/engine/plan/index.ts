export * from './types';
export * from './projection';
export * from './optimiseHiring';
export * from './schema';
export * from './rampCurves';
export * from './warnings';
export * from './longRangeForecast';
