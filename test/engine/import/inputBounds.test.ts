/** Issue 12 item 4: encodings other than UTF-8, implausible numbers and overlong names in imported files. */
import { describe, expect, it } from 'vitest';
import { decodeTextFile, parseIntervalCountsCsv, previewTicketsCsv } from '../../../shared/import';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('decodeTextFile', () => {
  it('reads UTF-8, with or without its byte-order mark', () => {
    expect(decodeTextFile(new TextEncoder().encode('queue\nCafé Support\n'))).toEqual({ text: 'queue\nCafé Support\n', encoding: 'UTF-8' });
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b')])).text).toBe('a,b');
  });

  it('reads a Windows-1252 spreadsheet export as Windows-1252, not as mojibake', () => {
    // "Café Support – €5" as Excel on Windows saves it: é = 0xE9, – = 0x96, € = 0x80.
    const bytes = Uint8Array.from([...latin1('Caf\u00e9 Support '), 0x96, ...latin1(' '), 0x80, ...latin1('5')]);
    expect(decodeTextFile(bytes)).toEqual({ text: 'Café Support – €5', encoding: 'Windows-1252' });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const text = 'timestamp,volume\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    [...text].forEach((c, i) => (bytes[2 + i * 2] = c.charCodeAt(0)));
    expect(decodeTextFile(bytes)).toEqual({ text, encoding: 'UTF-16LE' });
  });

  it.each([
    ['an Excel workbook', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /an Excel workbook or another zip archive, not CSV text/],
    ['UTF-16 without a byte-order mark', Uint8Array.from([0x61, 0x00, 0xe9, 0x00]), /neither|zero bytes/],
    ['bytes that mean nothing in Windows-1252', Uint8Array.from([0x61, 0x81, 0x62]), /neither UTF-8 nor Windows-1252: byte 0x81 at byte 1/],
  ])('refuses %s, naming what it is', (_label, bytes, message) => {
    expect(() => decodeTextFile(bytes)).toThrow(message);
  });
});

describe('plausible magnitudes', () => {
  it('lists a volume of 1e308 and an AHT over a day as bad rows by line', () => {
    const text = ['timestamp,volume,aht_sec', '2024-05-06 08:00,4,180', '2024-05-06 08:15,1e308,180', '2024-05-06 08:30,5,90000', '2024-05-06 08:45,1000000,60', '2024-05-06 09:00,7,60'].join('\n');
    const result = parseIntervalCountsCsv(text, { zone: 'UTC' });
    if (!result.ok) throw new Error(result.error);
    expect(result.badRows).toEqual([
      { line: 3, reason: 'volume-too-large', message: 'Volume "1e308" is more than 1,000,000 contacts in one interval.' },
      { line: 4, reason: 'aht-too-large', message: 'AHT "90000" is more than a day (86,400 seconds).' },
    ]);
    expect(result.rows.map((r) => r.volume)).toEqual([4, 1_000_000, 7]);
  });

  it('lists a ticket whose queue name is over 120 characters as a bad row', () => {
    const long = 'Q'.repeat(200_000);
    const text = ['Created at,Group', '2024-05-06 08:01,Billing', `2024-05-06 08:02,${long}`].join('\n');
    const preview = previewTicketsCsv(text, { zone: 'UTC', intervalMinutes: 15, mapping: { createdAt: 0, queue: [1] }, wholeFile: true, rowLimit: 20 });
    expect(preview.badRows).toEqual([{ line: 3, reason: 'queue-name-too-long', message: expect.stringMatching(/is 200,000 characters long; at most 120 are allowed/) }]);
    expect(preview.queues.map((q) => q.queue)).toEqual(['Billing']);
  });
});
