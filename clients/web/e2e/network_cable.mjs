// A network cable between a browser context's pages and the server, for the browser tests of
// what a device does after a lost connection: every WebSocket the pages open goes through it
// (Playwright's routeWebSocket), so the test can pull it — the connections in use dropped at
// both ends, every new one refused while the page keeps retrying — and plug it in again.

/**
 * Routes the WebSockets of `context` (before its pages open them) through a cable; resolves
 * with `{ pull, plugIn }`: pull() drops the open connections and refuses new ones until
 * plugIn().
 */
export async function cableOf(context) {
  let pulled = false;
  const open = new Set();
  await context.routeWebSocket(/\/ws$/, (ws) => {
    if (pulled) return void ws.close();
    const upstream = ws.connectToServer();
    const pair = { ws, upstream };
    open.add(pair);
    ws.onMessage((m) => upstream.send(m));
    upstream.onMessage((m) => ws.send(m));
    ws.onClose(() => {
      open.delete(pair);
      void upstream.close();
    });
    upstream.onClose(() => {
      open.delete(pair);
      void ws.close();
    });
  });
  return {
    async pull() {
      pulled = true;
      for (const { ws, upstream } of [...open]) {
        await upstream.close();
        await ws.close();
      }
      open.clear();
    },
    plugIn() {
      pulled = false;
    },
  };
}
