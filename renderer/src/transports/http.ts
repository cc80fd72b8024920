/**
 * Transport to the browser host: POST per call with the per-run token in a header, and a server-sent event stream
 * (the one route that takes the token in its URL, since EventSource cannot send headers). A request that carries a
 * file is sent as a raw upload (shared/api/upload.ts), not as a JSON string.
 */
import type { EventName } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/errors';
import type { Transport } from '../../../shared/api/client';
import { MAX_UPLOAD_BYTES, splitUpload, UPLOAD_CONTENT_TYPE } from '../../../shared/api/upload';

const TOKEN_KEY = 'staffwise.token';

/** The host prints a URL with ?token=…; keep it for reloads and take it out of the address bar. */
export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function httpTransport(token: string, limits: { maxUploadBytes: number } = { maxUploadBytes: MAX_UPLOAD_BYTES }): Transport {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  let source: EventSource | undefined;
  const connect = () => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data as string) as { event: EventName; payload: unknown };
      for (const listener of listeners) listener(event, payload);
    };
  };
  return {
    async invoke(channel, payload) {
      const upload = splitUpload(payload);
      const body = upload ? new Blob([JSON.stringify(upload.envelope), '\n', upload.text]) : JSON.stringify(payload ?? null);
      // The host would answer 413, but a browser still sending a large body may see only a reset connection.
      if (body instanceof Blob && body.size > limits.maxUploadBytes) {
        const message = `The file is ${body.size.toLocaleString('en-US')} bytes; at most ${limits.maxUploadBytes.toLocaleString('en-US')} bytes can be sent at once: split it by date.`;
        return { ok: false, error: { code: 'invalid_request', message, issues: [{ path: 'text', message }] } };
      }
      const response = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': upload ? UPLOAD_CONTENT_TYPE : 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      return (await response.json()) as Envelope<unknown>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => listeners.delete(listener);
    },
  };
}
