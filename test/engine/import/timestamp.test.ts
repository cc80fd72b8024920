import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../shared/import';

const utc = (iso: string) => ({ kind: 'instant', utcMs: Date.parse(iso) });
const local = (iso: string) => ({ kind: 'wallClock', localMs: Date.parse(`${iso}Z`) });

describe('parseTimestamp', () => {
  it.each([
    ['2024-03-10T14:23:05Z', utc('2024-03-10T14:23:05Z')],
    ['2024-03-10 14:23:05 UTC', utc('2024-03-10T14:23:05Z')],
    ['2024-03-10T14:23:05.250+01:00', utc('2024-03-10T13:23:05.250Z')],
    ['2024-03-10 14:23:05 -0500', utc('2024-03-10T19:23:05Z')],
    ['2024-03-10T14:23+05:30', utc('2024-03-10T08:53:00Z')],
    ['2024-03-10 14:23:05', local('2024-03-10T14:23:05')],
    ['  2024/3/9 9:05  ', local('2024-03-09T09:05:00')],
    ['2024-03-10 2:15 PM', local('2024-03-10T14:15:00')],
    ['2024-03-10 12:15 am', local('2024-03-10T00:15:00')],
    ['1710080585', utc('2024-03-10T14:23:05Z')],
    ['1710080585123', utc('2024-03-10T14:23:05.123Z')],
  ])('reads %j', (text, expected) => {
    expect(parseTimestamp(text)).toEqual(expected);
  });

  it.each(['', 'yesterday', '2024-03-10', '03/10/2024 14:00', '2024-02-30 10:00', '2024-03-10 24:00', '2024-03-10 10:60', '12345', '2024-03-10 10:00 +25:00', '2024-03-10 13:00 PM'])(
    'refuses %j',
    (text) => {
      expect(parseTimestamp(text)).toBeNull();
    },
  );
});
