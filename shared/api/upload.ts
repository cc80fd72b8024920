/**
 * How the browser host receives a file's text: as the raw bytes of the request body, not as a string inside JSON.
 * A JSON string of a large CSV costs a second copy with every newline and quote escaped, and the host would have
 * to hold the whole body as one string (V8 caps strings near 512 MiB). The body of an upload is one line of JSON
 * naming the field and carrying the other fields, a newline, then the file's text as UTF-8; the host decodes it as
 * it streams in and puts the text back into `field` before the request is validated like any other.
 */
import { MAX_IMPORT_CHARS } from './channels/dataImport';

export const UPLOAD_CONTENT_TYPE = 'application/x-staffwise-upload';

/**
 * Largest JSON request body. The largest JSON payload the contract allows is a forecast over MAX_HISTORY_POINTS
 * (200,000) points of about 60 bytes each, 12 MB; files do not come as JSON (see MAX_UPLOAD_BYTES).
 */
export const MAX_JSON_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Largest file upload, in bytes: an import's limit of MAX_IMPORT_CHARS characters. UTF-8 never takes fewer bytes
 * than the UTF-16 units it decodes to, so the decoded text stays within the import limit and far below V8's
 * largest string (about 536 million units), which a bigger body would overflow.
 */
export const MAX_UPLOAD_BYTES = MAX_IMPORT_CHARS;

/** The request field that holds a file's text in every channel that takes a file (imports, previews, rosters). */
export const FILE_FIELD = 'text';

export interface UploadEnvelope {
  field: string;
  rest: Record<string, unknown>;
}

/** Splits a request that carries a file into the envelope and the file text; undefined for any other request. */
export function splitUpload(payload: unknown): { envelope: UploadEnvelope; text: string } | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const { [FILE_FIELD]: text, ...rest } = payload as Record<string, unknown>;
  if (typeof text !== 'string') return undefined;
  return { envelope: { field: FILE_FIELD, rest }, text };
}
