import { describe, expect, it, vi } from 'vitest';
import { defaultStaffing } from '../../shared/engine/requirements';

// The store module creates its zustand store over `api`; these tests only use its pure helpers.
vi.mock('../../renderer/src/api', () => ({ api: {} }));
const { buildStaffing, defaultSettings } = await import('../../renderer/src/stores/requirementsStore');

describe('requirements store defaults', () => {
  it('are one set: the Staffing form starts from exactly the settings schedules and plans use without a profile', () => {
    for (const channel of ['phone', 'chat', 'email', 'social'] as const) {
      const queue = { channel, meanAhtSec: 332.4 };
      const fromForm = buildStaffing(channel, defaultSettings(queue), 15);
      expect(fromForm.errors).toEqual({});
      // The form asks for the handle time in minutes to one decimal: 332 s shows as 5.5 min.
      const engine = defaultStaffing(queue, 15);
      expect(fromForm.staffing).toEqual(engine.mode === 'deferred' ? { ...engine, handleSec: 330 } : engine);
    }
  });

});
