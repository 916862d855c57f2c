#!/usr/bin/env bash
# Start / stop moto's server (DynamoDB + KMS) on a free loopback port, tracked by PID.
#   source infra/local/moto.sh; moto_start <state-dir>   -> exports MOTO_ENDPOINT, MOTO_PID
#   moto_stop                                           -> stops exactly the process it started
# Used by infra/local/run.sh and .ci/run.

moto_start() {
  local state_dir="$1"
  if ! command -v moto_server >/dev/null 2>&1; then
    echo "moto_server is not on PATH. It comes with moto's server extra (Python package 'moto[server]');" >&2
    echo "this project's machines have it preinstalled." >&2
    return 1
  fi
  mkdir -p "$state_dir"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  moto_server -H 127.0.0.1 -p "$port" >"$state_dir/moto.log" 2>&1 &
  MOTO_PID=$!
  export MOTO_PID
  export MOTO_ENDPOINT="http://127.0.0.1:$port"
  local waited=0
  until curl -s -o /dev/null "$MOTO_ENDPOINT/moto-api/"; do
    if ! kill -0 "$MOTO_PID" 2>/dev/null || [ "$waited" -ge 300 ]; then
      echo "moto_server did not start; see $state_dir/moto.log" >&2
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "moto_server (pid $MOTO_PID) listening at $MOTO_ENDPOINT"
}

# moto answers TERM with sys.exit, and after a test run freeing its in-memory state (gigabytes)
# takes a minute or more; nothing in it needs saving, so it gets five seconds, then KILL.
moto_stop() {
  if [ -n "${MOTO_PID:-}" ] && kill -0 "$MOTO_PID" 2>/dev/null; then
    kill "$MOTO_PID" 2>/dev/null || true
    local waited=0
    while kill -0 "$MOTO_PID" 2>/dev/null && [ "$waited" -lt 50 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -KILL "$MOTO_PID" 2>/dev/null || true
    wait "$MOTO_PID" 2>/dev/null || true
    echo "moto_server (pid $MOTO_PID) stopped"
  fi
}
