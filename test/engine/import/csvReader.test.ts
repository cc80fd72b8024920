import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, detectDelimiter } from '../../../shared/import';

interface Record {
  fields: string[];
  line: number;
  malformed: boolean;
}

function readChunks(chunks: readonly string[], columns?: number[]): Record[] {
  const records: Record[] = [];
  const reader = new CsvRecordReader((fields, line, malformed) => {
    records.push({ fields: [...fields], line, malformed });
  }, { delimiter: ',', columns });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return records;
}

describe('CsvRecordReader', () => {
  it('reads quoted fields, escaped quotes, CRLF and the line each record starts on', () => {
    const text = 'id,subject,created\r\n1,"Hello, ""world""",2024-01-01\r\n\r\n2,"two\r\nlines",2024-01-02\n3,,\n';
    expect(readChunks([text])).toEqual([
      { fields: ['id', 'subject', 'created'], line: 1, malformed: false },
      { fields: ['1', 'Hello, "world"', '2024-01-01'], line: 2, malformed: false },
      { fields: ['2', 'two\r\nlines', '2024-01-02'], line: 4, malformed: false },
      { fields: ['3', '', ''], line: 6, malformed: false },
    ]);
  });

  it('delivers a last record without a line break, and flags text after a closing quote or an unclosed quote', () => {
    expect(readChunks(['a,"b"c\nd,"open'])).toEqual([
      { fields: ['a', '"b"c'], line: 1, malformed: true },
      { fields: ['d', '"open'], line: 2, malformed: true },
    ]);
  });

  it('cuts out only the columns asked for', () => {
    expect(readChunks(['a,b,c,d\n1,2,3,4\n'], [1, 3]).map((record) => record.fields)).toEqual([
      ['', 'b', '', 'd'],
      ['', '2', '', '4'],
    ]);
  });

  it('gives the same records however the text is split into chunks', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é') }), fc.constant(''));
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (rows, cuts, newline) => {
        // Quoted only where needed, so chunk boundaries fall inside quoted and unquoted fields alike.
        const encode = (value: string) => (value === '' || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
        const text = rows.map((row) => row.map(encode).join(',')).join(newline) + newline;
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, i) => text.slice(start, [...points, text.length][i]));
        expect(readChunks(chunks)).toEqual(readChunks([text]));
        expect(readChunks([text]).map((record) => record.fields)).toEqual(rows);
      }),
    );
  });

  it('stops when the sink says so', () => {
    let seen = 0;
    const reader = new CsvRecordReader(() => ++seen < 2, { delimiter: ',' });
    reader.push('1\n2\n3\n4\n');
    expect(seen).toBe(2);
    expect(reader.isStopped).toBe(true);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1,5;2;3', ';'],
    ['a\tb\n1\t2', '\t'],
    ['"x;y",b,c\n', ','],
    ['single\n', ','],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
