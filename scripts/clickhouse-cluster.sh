#!/usr/bin/env bash
# A two-shard ClickHouse cluster on 127.0.0.1 for tests and benchmarks.
#   scripts/clickhouse-cluster.sh start   starts two foreground clickhouse-server processes (configs from
#                                         ops/clickhouse/, data in a fresh temp dir), waits until both answer
#   scripts/clickhouse-cluster.sh stop    stops them by PID and removes the temp dir
#   scripts/clickhouse-cluster.sh urls    prints the shard HTTP URLs, comma-separated
#   scripts/clickhouse-cluster.sh stop-shard N | kill-shard N | start-shard N   (failure tests) one shard only
# Ports: HTTP $HOPTRACE_CH_HTTP_BASE (+0, +1), native TCP $HOPTRACE_CH_TCP_BASE (+0, +1).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
HTTP_BASE="${HOPTRACE_CH_HTTP_BASE:-18123}"
TCP_BASE="${HOPTRACE_CH_TCP_BASE:-19100}"
STATE="${TMPDIR:-/tmp}/hoptrace-clickhouse-${HTTP_BASE}.state"   # holds the cluster's temp dir
SHARDS=(1 2)

http_port() { echo $((HTTP_BASE + $1 - 1)); }
tcp_port() { echo $((TCP_BASE + $1 - 1)); }
cluster_dir() { [ -f "$STATE" ] && cat "$STATE" || true; }

urls() {
  local out=()
  for i in "${SHARDS[@]}"; do out+=("http://127.0.0.1:$(http_port "$i")"); done
  (IFS=,; echo "${out[*]}")
}

wait_ready() { # shard timeout_seconds
  local port; port=$(http_port "$1")
  local deadline=$((SECONDS + $2))
  until [ "$(curl -s --max-time 1 "http://127.0.0.1:${port}/ping" 2>/dev/null)" = "Ok." ]; do
    if [ $SECONDS -ge $deadline ]; then
      echo "shard $1 (http $port) not ready after $2 s; log tail:" >&2
      tail -n 20 "$(cluster_dir)/shard$1/server.err.log" >&2 2>/dev/null || true
      return 1
    fi
    if ! kill -0 "$(cat "$(cluster_dir)/shard$1/pid")" 2>/dev/null; then
      echo "shard $1 exited during startup; stderr:" >&2
      tail -n 20 "$(cluster_dir)/shard$1/stderr" >&2 || true
      return 1
    fi
    sleep 0.1
  done
}

start_shard() { # shard
  local dir; dir="$(cluster_dir)/shard$1"
  mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas"
  sed -e "s#@DIR@#${dir}#g" -e "s#@CONF_DIR@#${REPO}/ops/clickhouse#g" \
      -e "s#@HTTP_PORT@#$(http_port "$1")#g" -e "s#@TCP_PORT@#$(tcp_port "$1")#g" \
      -e "s#@TCP_PORT_1@#$(tcp_port 1)#g" -e "s#@TCP_PORT_2@#$(tcp_port 2)#g" \
      ops/clickhouse/shard.xml.in > "$dir/config.xml"
  # Foreground server in the background of this script; its PID is what `stop` kills.
  (cd "$dir" && exec clickhouse-server --config-file="$dir/config.xml" >"$dir/stdout" 2>"$dir/stderr") &
  echo $! > "$dir/pid"
}

stop_shard() { # shard [signal]
  local sig="${2:-TERM}"
  local pidfile; pidfile="$(cluster_dir)/shard$1/pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$sig" "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start)
    command -v clickhouse-server >/dev/null || { echo "clickhouse-server is not installed" >&2; exit 1; }
    if [ -n "$(cluster_dir)" ] && [ -d "$(cluster_dir)" ]; then "$0" stop; fi
    mktemp -d "${TMPDIR:-/tmp}/hoptrace-clickhouse.XXXXXX" > "$STATE"
    for i in "${SHARDS[@]}"; do start_shard "$i"; done
    for i in "${SHARDS[@]}"; do wait_ready "$i" 30 || { "$0" stop; exit 1; }; done
    echo "ClickHouse shards ready: $(urls) (data in $(cluster_dir))"
    ;;
  stop)
    dir="$(cluster_dir)"
    [ -n "$dir" ] || { echo "no cluster running"; exit 0; }
    for i in "${SHARDS[@]}"; do stop_shard "$i"; done
    rm -rf "$dir" "$STATE"
    echo "ClickHouse shards stopped"
    ;;
  stop-shard) stop_shard "${2:?shard number}" ;;
  kill-shard) stop_shard "${2:?shard number}" KILL ;;
  start-shard) start_shard "${2:?shard number}"; wait_ready "$2" 30 ;;
  urls) urls ;;
  *) echo "usage: $0 start|stop|urls|stop-shard N|kill-shard N|start-shard N" >&2; exit 2 ;;
esac
