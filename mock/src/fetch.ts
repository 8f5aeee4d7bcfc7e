// The Fetch-API edge of the core: a Request reduced to what the pipeline reads, and a Reply turned into
// a Response. Faults map onto what fetch users see: a reset is a network error (Response.error()), a
// truncated body is a stream that fails half way, a drip is a stream of slow chunks.
import type { IncomingRequest, Reply } from './pipeline/exchange.js';

export async function fromFetchRequest(request: Request): Promise<IncomingRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  if (headers.host === undefined) headers.host = url.host;
  return {
    method: request.method,
    target: `${url.pathname}${url.search}`,
    headers,
    hasBody: request.body !== null,
    async text(limit) {
      try {
        const text = await request.text();
        return new TextEncoder().encode(text).length > limit ? null : text;
      } catch {
        return undefined;
      }
    },
  };
}

const NO_BODY_STATUS = new Set([101, 204, 205, 304]);

export function toFetchResponse(reply: Reply): Response {
  if (reply.fault === 'reset') return Response.error();
  const init = { status: reply.status, headers: reply.headers };
  if (reply.body === undefined || NO_BODY_STATUS.has(reply.status)) return new Response(null, init);
  if (!reply.fault) return new Response(reply.body, init);
  const bytes = new TextEncoder().encode(reply.body);
  const chunks = reply.fault === 'truncate' ? [bytes.subarray(0, Math.floor(bytes.length / 2))] : splitForDrip(bytes);
  const pause = reply.fault === 'drip' ? (reply.dripMs ?? 0) / chunks.length : 0;
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next < chunks.length) {
        if (next > 0 && pause > 0) await new Promise((r) => setTimeout(r, pause));
        controller.enqueue(chunks[next++]);
      } else if (reply.fault === 'truncate') controller.error(new TypeError('the connection was closed before the body was complete (injected truncate)'));
      else controller.close();
    },
  });
  return new Response(stream, init);
}

/** Ten chunks (or one per byte for short bodies), sent `dripMs / chunks` apart. */
export function splitForDrip(bytes: Uint8Array): Uint8Array[] {
  const count = Math.min(10, Math.max(1, bytes.length));
  const size = Math.ceil(bytes.length / count);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}
