#!/usr/bin/env python3
"""agentbus example client (Python 3, websockets >= 10.4, asyncio API): says hello, joins a room,
optionally publishes one chat message, then prints every message of the room to stdout, one JSON
line each:
  {"room":"build-42","offset":1,"from":"coder-1","type":"chat","body":{"text":"hi"}}
Status goes to stderr. Exit codes: 0 done, 1 error reply, 2 connection failed or lost, 64 usage.
Install: apt-get install python3-websockets   (Debian/Ubuntu; elsewhere: pip install websockets)
Run:     python3 examples/python/agentbus_example.py --url ws://127.0.0.1:7070/ws \
           --client reviewer-1 --room build-42 --text hi
The Node.js twin, examples/js/agentbus-example.js, has the same command line and output.
"""
import asyncio, itertools, json, re, signal, sys

import websockets

USAGE = """usage: python3 agentbus_example.py --url ws://HOST:PORT/ws --client ID --room ROOM
                               [--text TEXT] [--exit-after N] [--since N]
  --url URL         the daemon's WebSocket URL, e.g. ws://127.0.0.1:7070/ws
  --client ID       the client id to say hello as
  --room ROOM       the room to join; its messages are printed as JSON lines on stdout
  --text TEXT       publish {"text": TEXT} into the room (type "chat") after joining
  --exit-after N    exit after printing N messages (default: run until Ctrl-C)
  --since N         replay the room's messages after offset N when joining"""
OPTIONS = {"--url": "url", "--client": "client", "--room": "room", "--text": "text",
           "--exit-after": "exit_after", "--since": "since"}


def log(line):
    print(line, file=sys.stderr, flush=True)


def usage_error(problem):
    log(f"agentbus-example: {problem}\n{USAGE}")
    sys.exit(64)


def parse_args(args):
    opts = {}
    for i in range(0, len(args), 2):
        if args[i] in ("--help", "-h"):
            print(USAGE)
            sys.exit(0)
        if args[i] not in OPTIONS:
            usage_error(f"unknown argument: {args[i]}")
        if i + 1 >= len(args):
            usage_error(f"{args[i]} needs a value")
        opts[OPTIONS[args[i]]] = args[i + 1]
    for name in ("url", "client", "room"):
        if name not in opts:
            usage_error(f"missing --{name}")
    if not re.match(r"wss?://", opts["url"]):
        usage_error("--url must start with ws:// or wss://")
    for name, flag in (("exit_after", "--exit-after"), ("since", "--since")):
        if name in opts and not re.fullmatch(r"[0-9]+", opts[name]):
            usage_error(f"{flag} must be an integer >= 0")
        if name in opts:
            opts[name] = int(opts[name])
    return opts


async def main(opts):
    loop = asyncio.get_running_loop()
    done = loop.create_future()  # its result is the exit code
    pending = {}  # rid -> future of the request waiting for that reply
    rids = itertools.count(1)
    state = {"printed": 0, "ready": False}
    exit_after = opts.get("exit_after")

    def finish(code, why=None):
        if why:
            log(why)
        if not done.done():
            done.set_result(code)

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, finish, 0, "closing")
    try:
        ws = await websockets.connect(opts["url"], ping_interval=None, max_size=None, close_timeout=2)
    except (OSError, asyncio.TimeoutError, websockets.WebSocketException) as e:
        log(f"cannot connect to {opts['url']}: {e}")
        return 2

    async def request(frame):  # send with a fresh rid; returns the reply carrying that rid
        frame["rid"] = str(next(rids))
        pending[frame["rid"]] = loop.create_future()
        await ws.send(json.dumps(frame))
        reply = await pending[frame["rid"]]
        if reply["op"] == "error":  # an `error` reply ends the program with exit code 1
            finish(1, f"error {reply['code']}: {reply['message']}")
        return reply

    def check_done():
        if state["ready"] and exit_after is not None and state["printed"] >= exit_after:
            finish(0)

    def print_msg(f):
        if exit_after is not None and state["printed"] >= exit_after:
            return
        line = {key: f.get(key) for key in ("room", "offset", "from", "type", "body")}
        print(json.dumps(line, ensure_ascii=False, separators=(",", ":")), flush=True)
        state["printed"] += 1
        check_done()

    async def heartbeat(ms):
        while True:
            await asyncio.sleep(ms / 1000)
            await ws.send(json.dumps({"op": "ping"}))

    async def session():
        welcome = await request({"op": "hello", "client": opts["client"]})
        if welcome["op"] == "error":
            return
        log(f"connected to {opts['url']} as {welcome['client']} (session {welcome['session']})")
        tasks.append(asyncio.create_task(heartbeat(welcome["heartbeat_ms"])))
        join = {"op": "join", "room": opts["room"]}
        if "since" in opts:
            join["since"] = opts["since"]
        joined = await request(join)
        if joined["op"] == "error":
            return
        log(f"joined {opts['room']} at offset {joined['offset']} ({len(joined['members'])} members)")
        if "text" in opts:
            ok = await request({"op": "pub", "room": opts["room"], "type": "chat",
                                "body": {"text": opts["text"]}})
            if ok["op"] == "error":
                return
            log(f"published at offset {ok['offset']}")
        state["ready"] = True
        check_done()

    async def reader():
        try:
            async for text in ws:
                f = json.loads(text)
                if isinstance(f.get("rid"), str) and f["rid"] in pending:  # welcome, ok, error
                    pending.pop(f["rid"]).set_result(f)
                elif f.get("op") == "msg" and "room" in f:
                    print_msg(f)
                elif f.get("op") != "pong":
                    log(f"{f.get('op')}: {json.dumps(f, ensure_ascii=False, separators=(',', ':'))}")
        except websockets.ConnectionClosedError:
            pass
        except Exception as e:  # a frame we cannot handle: say so and stop, never hang
            if not done.done():
                finish(2, f"cannot handle a frame from the server: {e!r}")
            return
        if not done.done():
            why = f": {ws.close_reason}" if ws.close_reason else ""
            finish(2, f"connection closed unexpectedly (code {ws.close_code}{why})")

    tasks = [asyncio.create_task(reader()), asyncio.create_task(session())]
    code = await done
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await ws.close(1000)
    return code


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")
    sys.exit(asyncio.run(main(parse_args(sys.argv[1:]))))
