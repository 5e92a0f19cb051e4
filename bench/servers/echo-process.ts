// The bare uWS echo server as its own process (prints "port N"), so a client's CPU can be measured apart.
import { loadUws } from '../../server/uws.ts';

const uws = loadUws();
uws
  .App()
  .ws('/chat', {
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
  })
  .listen('127.0.0.1', 0, (socket) => {
    process.stdout.write(`port ${socket === false ? 0 : uws.us_socket_local_port(socket)}\n`);
  });
