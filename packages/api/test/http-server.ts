import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Node request's headers as a fetch Headers (what createTRPCContext reads). */
export function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  return headers;
}

/** An HTTP server on a free local port, and how to close it with its open streams. */
export async function serve(handle: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
