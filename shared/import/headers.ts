/** Matching column headers written by people and export tools against the names this importer understands. */

/** Lower case, byte-order mark and punctuation gone, words separated by single spaces: "Ticket created - Timestamp" → "ticket created timestamp". */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Index of the first header whose normalized form is one of `names`, or -1. */
export function findHeader(normalizedHeaders: readonly string[], names: readonly string[]): number {
  return normalizedHeaders.findIndex((header) => names.includes(header));
}
