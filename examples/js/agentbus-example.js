#!/usr/bin/env node
// agentbus example client (Node.js >= 18, the `ws` package): says hello, joins a room, optionally
// publishes one chat message, then prints every message of the room to stdout, one JSON line each:
//   {"room":"build-42","offset":1,"from":"coder-1","type":"chat","body":{"text":"hi"}}
// Status goes to stderr. Exit codes: 0 done, 1 error reply, 2 connection failed or lost, 64 usage.
// Install: npm ci --prefix examples/js      (from the repository root)
// Run:     node examples/js/agentbus-example.js --url ws://127.0.0.1:7070/ws --client coder-1 \
//            --room build-42 --text hi
// The Python twin, examples/python/agentbus_example.py, has the same command line and output.
'use strict';
const WebSocket = require('ws');

const USAGE = `usage: node agentbus-example.js --url ws://HOST:PORT/ws --client ID --room ROOM
                               [--text TEXT] [--exit-after N] [--since N]
  --url URL         the daemon's WebSocket URL, e.g. ws://127.0.0.1:7070/ws
  --client ID       the client id to say hello as
  --room ROOM       the room to join; its messages are printed as JSON lines on stdout
  --text TEXT       publish {"text": TEXT} into the room (type "chat") after joining
  --exit-after N    exit after printing N messages (default: run until Ctrl-C)
  --since N         replay the room's messages after offset N when joining`;
const OPTIONS = { '--url': 'url', '--client': 'client', '--room': 'room', '--text': 'text',
  '--exit-after': 'exitAfter', '--since': 'since' };

const log = (line) => process.stderr.write(`${line}\n`);

function usageError(problem) {
  log(`agentbus-example: ${problem}\n${USAGE}`);
  process.exit(64);
}

function parseArgs(args) {
  const opts = {};
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === '--help' || args[i] === '-h') { console.log(USAGE); process.exit(0); }
    if (!(args[i] in OPTIONS)) usageError(`unknown argument: ${args[i]}`);
    if (i + 1 >= args.length) usageError(`${args[i]} needs a value`);
    opts[OPTIONS[args[i]]] = args[i + 1];
  }
  for (const name of ['url', 'client', 'room']) if (!(name in opts)) usageError(`missing --${name}`);
  if (!/^wss?:\/\//.test(opts.url)) usageError('--url must start with ws:// or wss://');
  for (const [name, flag] of [['exitAfter', '--exit-after'], ['since', '--since']]) {
    if (name in opts && !/^[0-9]+$/.test(opts[name])) usageError(`${flag} must be an integer >= 0`);
    if (name in opts) opts[name] = Number(opts[name]);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const ws = new WebSocket(opts.url);
const pending = new Map(); // rid -> resolve function of the request waiting for that reply
let nextRid = 0, printed = 0, ready = false, connected = false, exitCode = null;

function finish(code, why) { // close with 1000 (if open) and exit with `code`
  if (exitCode !== null) return;
  exitCode = code;
  if (why) log(why);
  if (ws.readyState !== WebSocket.OPEN) process.exit(code);
  ws.close(1000);
  setTimeout(() => process.exit(code), 2000).unref(); // if the server does not answer the close
}

function request(frame) { // send with a fresh rid; resolves with the reply carrying that rid
  const rid = String(++nextRid);
  ws.send(JSON.stringify({ ...frame, rid }));
  return new Promise((resolve) => pending.set(rid, resolve));
}

function failed(reply) { // an `error` reply ends the program with exit code 1
  if (reply.op === 'error') finish(1, `error ${reply.code}: ${reply.message}`);
  return reply.op === 'error';
}

function checkDone() {
  if (ready && opts.exitAfter !== undefined && printed >= opts.exitAfter) finish(0);
}

function printMsg(f) {
  if (opts.exitAfter !== undefined && printed >= opts.exitAfter) return;
  const { room, offset, from, type, body } = f;
  process.stdout.write(`${JSON.stringify({ room, offset, from, type, body })}\n`);
  printed++;
  checkDone();
}

ws.on('open', async () => {
  connected = true;
  const welcome = await request({ op: 'hello', client: opts.client });
  if (failed(welcome)) return;
  log(`connected to ${opts.url} as ${welcome.client} (session ${welcome.session})`);
  setInterval(() => ws.send(JSON.stringify({ op: 'ping' })), welcome.heartbeat_ms);
  const join = { op: 'join', room: opts.room };
  if (opts.since !== undefined) join.since = opts.since;
  const joined = await request(join);
  if (failed(joined)) return;
  log(`joined ${opts.room} at offset ${joined.offset} (${joined.members.length} members)`);
  if (opts.text !== undefined) {
    const ok = await request({ op: 'pub', room: opts.room, type: 'chat', body: { text: opts.text } });
    if (failed(ok)) return;
    log(`published at offset ${ok.offset}`);
  }
  ready = true;
  checkDone();
});

ws.on('message', (data) => {
  if (exitCode !== null) return;
  try {
    const f = JSON.parse(data.toString());
    if (typeof f.rid === 'string' && pending.has(f.rid)) { // welcome, ok, error: a reply
      pending.get(f.rid)(f);
      pending.delete(f.rid);
    } else if (f.op === 'msg' && f.room !== undefined) {
      printMsg(f);
    } else if (f.op !== 'pong') {
      log(`${f.op}: ${JSON.stringify(f)}`); // presence, decision, dropped, direct msg, ...
    }
  } catch (err) { // a frame we cannot handle: say so and stop, as the Python example does
    finish(2, `cannot handle a frame from the server: ${err.message}`);
  }
});

ws.on('error', (err) => {
  log(connected ? `connection error: ${err.message}` : `cannot connect to ${opts.url}: ${err.message}`);
  if (!connected && exitCode === null) process.exit(2);
});

ws.on('close', (code, reason) => {
  const why = reason.toString();
  if (exitCode === null) log(`connection closed unexpectedly (code ${code}${why ? `: ${why}` : ''})`);
  process.exit(exitCode === null ? 2 : exitCode);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(0, 'closing'));
