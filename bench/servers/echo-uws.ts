// The echo baseline in a worker thread of the bench process (posts its port; any message stops it).
import { type MessagePort, parentPort } from 'node:worker_threads';
import { closeApp, loadUws } from '../../server/uws.ts';
import { echoApp } from './echo-app.ts';

const uws = loadUws();
const port = parentPort as MessagePort;
const app = echoApp(uws);
app.listen('127.0.0.1', 0, (socket) => {
  port.postMessage(socket === false ? 0 : uws.us_socket_local_port(socket));
});
port.on('message', () => {
  closeApp(app);
  port.close();
});
