import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { answerStats } from './childStats.js';

/**
 * The reference: @y/websocket-server 0.1.1 in memory, wired exactly as its own bin/server.js
 * (http server + noServer WebSocketServer + setupWSConnection), but on port 0 and with the same
 * `ws` 8 our server uses, so that the comparison is between the sync layers.
 */
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  answerStats(() => docs.size);
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
