/**
 * How the browser host receives a file's text: as the raw bytes of the request body, not as a string inside JSON.
 * A JSON string of a large CSV costs a second copy with every newline and quote escaped, and the host would have
 * to hold the whole body as one string (V8 caps strings near 512 MiB). The body of an upload is one line of JSON
 * naming the field and carrying the other fields, a newline, then the file's text as UTF-8; the host decodes it as
 * it streams in and puts the text back into `field` before the request is validated like any other.
 */
export const UPLOAD_CONTENT_TYPE = 'application/x-staffwise-upload';

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
