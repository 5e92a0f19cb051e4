// The echo baseline as its own process (prints "port N"), so a client's CPU can be measured apart.
import { loadUws } from '../../server/uws.ts';
import { echoApp } from './echo-app.ts';

const uws = loadUws();
echoApp(uws).listen('127.0.0.1', 0, (socket) => {
  process.stdout.write(`port ${socket === false ? 0 : uws.us_socket_local_port(socket)}\n`);
});
