/**
 * The sandboxed preload knows channel names only: its bundle must not pull in zod, luxon or the engine (it was
 * about 1 MB when it imported the contract). Checks the real build output, which `npm test` makes before vitest.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appChannelNames } from '../../shared/api/channelNames';

const PRELOAD = resolve(__dirname, '../../dist/node/preload.cjs');

describe('preload bundle', () => {
  it('is built, small, and free of schema and engine code', () => {
    expect(existsSync(PRELOAD), `${PRELOAD} is missing: run \`npm run build\` first`).toBe(true);
    expect(statSync(PRELOAD).size).toBeLessThan(20 * 1024);
    const text = readFileSync(PRELOAD, 'utf8');
    expect(text).not.toMatch(/ZodError|\$ZodType|luxon|DateTime\.fromISO|erlang/i);
    for (const channel of appChannelNames) expect(text).toContain(`"${channel}"`);
    expect(text).not.toContain('"roster.curtois"');
  });
});
