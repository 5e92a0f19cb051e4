// The echo baseline on the `ws` library, as a process of its own (prints "port N", stops on SIGTERM):
// the same canned reply as echo-app.ts, so uWS and `ws` can be compared without the brain.
import { WebSocketServer } from 'ws';
import { echoReply } from './echo-app.ts';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/chat', perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const reply = echoReply(data.toString());
    if (reply !== undefined) ws.send(reply);
  });
});
wss.on('listening', () => {
  const address = wss.address();
  process.stdout.write(`port ${typeof address === 'object' && address !== null ? address.port : 0}\n`);
});
process.once('SIGTERM', () => {
  for (const c of wss.clients) c.terminate();
  wss.close(() => process.exit(0));
});
