import { describe, expect, it } from 'vitest';
import { countOf } from '../../shared/text/plural';
import { queueLabel } from '../../shared/text/queueLabel';
import { importMessage } from '../../electron/services/importService';
import { formatNumber } from '../../renderer/src/components/format';

describe('words around numbers', () => {
  it('names a queue once, adding its channel only where the name does not say it', () => {
    expect(queueLabel({ name: 'Billing & Accounts (phone)', channel: 'phone' })).toBe('Billing & Accounts (phone)');
    expect(queueLabel({ name: 'Email & Tickets', channel: 'email' })).toBe('Email & Tickets');
    expect(queueLabel({ name: 'Night line', channel: 'phone' })).toBe('Night line (phone)');
  });

  it('says "1 day" and "14 days", with thousands separators', () => {
    expect(countOf(1, 'day')).toBe('1 day');
    expect(countOf(14, 'day')).toBe('14 days');
    expect(countOf(0, 'open interval')).toBe('0 open intervals');
    expect(countOf(11765, 'contact')).toBe('11,765 contacts');
    expect(formatNumber(11765)).toBe('11,765');
  });

  it('does not double the channel of an existing queue in the import message', () => {
    const message = importMessage({
      format: 'intervals',
      dateRange: { from: '2026-11-23', to: '2026-11-23' },
      queues: [{ name: 'Billing & Accounts (phone)', channel: 'phone', created: false, intervalMin: 15, intervals: 96, contacts: 1200, replacedIntervals: 96 }],
      contacts: 1200,
      intervals: 96,
      rowsRead: 96,
      badRowCount: 0,
    });
    expect(message).toContain('into queue Billing & Accounts (phone) on 2026-11-23');
    expect(message).not.toContain('(phone) (phone)');
  });
});
