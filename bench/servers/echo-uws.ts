// Baseline: a bare uWebSockets.js server that answers each protocol-v1 message with a canned reply
// (JSON.parse for the id, nothing else). What the bot server is measured against.
import { type MessagePort, parentPort } from 'node:worker_threads';
import { closeApp, loadUws } from '../../server/uws.ts';

const uws = loadUws();
const port = parentPort as MessagePort;
const app = uws.App().ws('/chat', {
  maxPayloadLength: 64 * 1024,
  message(ws, message) {
    const msg = JSON.parse(Buffer.from(message).toString('utf8')) as {
      id?: string;
      conv?: string;
      type?: string;
    };
    if (msg.type !== 'msg') return;
    ws.send(
      `{"type":"reply","replyTo":${JSON.stringify(msg.id)},"conv":${JSON.stringify(msg.conv)},"text":"ok","intent":"greeting","confidence":1,"action":"answer","resolved":true,"serverMicros":0}`,
      false,
    );
  },
});
app.listen('127.0.0.1', 0, (socket) => {
  port.postMessage(socket === false ? 0 : uws.us_socket_local_port(socket));
});
port.on('message', () => {
  closeApp(app);
  port.close();
});
