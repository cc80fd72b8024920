import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, ShiftTemplateSchema } from '../../../shared/engine/schedule';
import { deferIntoReach, templateReach, uncoveredWork } from '../../../shared/engine/schedule/templateReach';

const templates = DEFAULT_TEMPLATES.map((t) => ShiftTemplateSchema.parse(t));

describe('work outside every shift template', () => {
  const reach = templateReach(templates, 'email', 60, 2, 0);

  it('knows which hours the default templates reach (06:00 to 21:00: the latest Late starts 13:00)', () => {
    expect(reach.slice(0, 24).map((r, h) => (r ? h : -1)).filter((h) => h >= 0)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('says once which clock hours need agents no shift covers, joined across midnight', () => {
    // 2 agents needed 22:00–06:00 both nights, 1 agent in the day.
    const required = Array.from({ length: 48 }, (_, t) => (t % 24 >= 22 || t % 24 < 6 ? 2 : t % 24 >= 6 && t % 24 < 20 ? 1 : 0));
    expect(uncoveredWork(required, reach, 60)).toEqual({ peakAgents: 2, agentHours: 2 * 8 * 2, windows: ['22:00–06:00'] });
    expect(uncoveredWork(required.map((r, t) => (reach[t] ? r : 0)), reach, 60)).toBeNull();
  });

  it('moves that work into the next covered hour and keeps the total', () => {
    const volumes = Array.from({ length: 48 }, (_, t) => (t % 24 < 6 ? 10 : 1));
    const { volumes: deferred, moved, carriedOver } = deferIntoReach(volumes, reach);
    expect(deferred[6]).toBe(1 + 6 * 10); // day 0: 00:00–06:00 arrive at 06:00
    expect(deferred[30]).toBe(1 + 3 * 1 + 6 * 10); // day 1: 21:00–24:00 of day 0 and 00:00–06:00 of day 1
    expect(deferred.slice(45)).toEqual([0, 0, 0]); // after the last covered hour of the week: next week's work
    expect(carriedOver).toBe(3);
    expect(deferred.reduce((a, b) => a + b, 0) + carriedOver).toBe(volumes.reduce((a, b) => a + b, 0));
    expect(moved).toBe(6 * 10 + 3 + 6 * 10 + 3);
  });
});
