/**
 * pouchdb-server for the sync benchmark, as a child process: express 4 + express-pouchdb over
 * pouchdb-node (leveldb), in the data directory given as argv[2], on 127.0.0.1 and a free port.
 * Sends `{ port }` to the parent once listening; exits when the parent disconnects.
 */
import path from 'node:path';
import express from 'express';
import expressPouchdb from 'express-pouchdb';
import PouchDB from 'pouchdb-node';

const dir = process.argv[2];
if (!dir || !process.send) throw new Error('usage: fork(syncPouchServer.ts, [dataDir])');
const send = process.send.bind(process);

const app = express();
app.use(
  '/',
  expressPouchdb(PouchDB.defaults({ prefix: `${dir}${path.sep}` }), {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: path.join(dir, 'log.txt'),
  }),
);
const server = app.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  send({ port: typeof addr === 'object' && addr ? addr.port : 0 });
});
process.on('disconnect', () => process.exit(0));
