/**
 * Turns the bytes of a CSV file into text, telling its encoding instead of guessing silently.
 *
 * UTF-8 (with or without a byte-order mark) is read as is. A file that is not valid UTF-8 is, in practice, a
 * spreadsheet export from Windows in Windows-1252 ("ANSI"; a superset of Latin-1 for the printable range), so it is
 * decoded as that and the caller says so. UTF-16 with a byte-order mark (Excel's "Unicode text") is read too.
 * Anything else is refused with a message naming what the file looks like, rather than read as mojibake
 * (a queue named "Caf� Support").
 */

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export class UnreadableEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableEncodingError';
  }
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the rest of the byte range is Latin-1, i.e. the byte's own code
 * point). Spelled out here because Node's TextDecoder reads the label "windows-1252" as plain Latin-1, turning
 * "€" and "–" into invisible control characters. Empty: undefined in Windows-1252.
 */
const CP1252_HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 either. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Chunked, so a 100 MB file does not build one character array of its size.
  const CHUNK = 1 << 16;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const chunk = bytes.subarray(start, start + CHUNK);
    let text = '';
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(text);
  }
  return parts.join('');
}
const SAVE_AS = 'Save it from your spreadsheet as "CSV UTF-8" and choose it again.';

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

function decode(bytes: Uint8Array, label: string, fatal: boolean): string {
  return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
}

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, 0xff, 0xfe)) return { text: decode(bytes, 'utf-16le', false), encoding: 'UTF-16LE' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: decode(bytes, 'utf-16be', false), encoding: 'UTF-16BE' };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) throw new UnreadableEncodingError(`The file is an Excel workbook or another zip archive, not CSV text. ${SAVE_AS}`);
  try {
    return { text: decode(bytes, 'utf-8', true), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: see whether it can be Windows-1252.
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UnreadableEncodingError(`The file is not text in UTF-8 or Windows-1252: it holds zero bytes (the first at byte ${nul.toLocaleString('en-US')}), as UTF-16 without a byte-order mark or a binary file does. ${SAVE_AS}`);
  }
  const undefinedAt = bytes.findIndex((b) => UNDEFINED_IN_1252.has(b));
  if (undefinedAt >= 0) {
    throw new UnreadableEncodingError(
      `The file is neither UTF-8 nor Windows-1252: byte 0x${bytes[undefinedAt].toString(16).toUpperCase()} at byte ${undefinedAt.toLocaleString('en-US')} means nothing in either. ${SAVE_AS}`,
    );
  }
  return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
}
