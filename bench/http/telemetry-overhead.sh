#!/usr/bin/env bash
# What exporting traces and metrics costs a request: the same build started twice on the demo season, first without
# OTEL_EXPORTER_OTLP_ENDPOINT (no OpenTelemetry at all), then with it naming a local sink that accepts OTLP/HTTP and
# discards it, so every span and metric is made, batched, serialised and uploaded. Both serve a static file (no
# database) and the public stream list (its queries traced by EF Core); the ratio of the two is the cost.
# usage: bench/http/telemetry-overhead.sh [SECONDS] [CONCURRENCY] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}; concurrency=${2:-20}; rounds=${3:-3}
command -v hey >/dev/null || { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null; }
dotnet build src/Cohort.Web -c Release -nologo -v quiet >/dev/null

work=$(mktemp -d /tmp/cohort-bench.XXXXXX)
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
sink_port=$(free_port)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

# The sink: answers every OTLP/HTTP export with an empty success, reading the body whether sized or chunked.
python3 - "$sink_port" "$work/sink.log" <<'PY' &
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while (size := int(self.rfile.readline().split(b";")[0], 16)) > 0:
                self.rfile.read(size + 2)
            self.rfile.readline()
        else:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(sys.argv[2], "a") as log:
            log.write(self.path + "\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PY
pids+=($!)

rps() { hey -z "${seconds}s" -c "$concurrency" "$1" | awk '/Requests\/sec/ {print $2}'; }
median() { python3 -c 'import statistics,sys; print(statistics.median(float(v) for v in sys.argv[1:]))' "$@"; }

# Starts the app with the extra environment given ("" for none) and prints its address once it serves /streams.
start() {
  local port base app
  port=$(free_port); base="http://127.0.0.1:$port"
  mkdir -p "$work/$port"
  # exec: $! is then the app itself, so it is stopped rather than only the subshell that started it.
  (cd "$work/$port" && exec env ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning $1 \
    dotnet "$OLDPWD/src/Cohort.Web/bin/Release/net10.0/Cohort.Web.dll" --urls "$base" >"$work/$port/app.log" 2>&1) &
  app=$!; pids+=("$app")
  for _ in $(seq 1 300); do
    curl -fs "$base/css/site.css" >/dev/null 2>&1 && break
    kill -0 "$app" 2>/dev/null || break
    sleep 1
  done
  curl -fs -o /dev/null "$base/streams" || { echo "the app did not serve /streams; its log:" >&2; tail -20 "$work/$port/app.log" >&2; exit 1; }
  echo "$base"
}

# Both apps run side by side and are measured in turns, so a change in the machine's load falls on both alike.
off=$(start "")
on=$(start "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$sink_port OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf")
declare -A runs
for _ in $(seq 1 "$rounds"); do
  for page in /css/site.css /streams; do
    runs[off$page]+=" $(rps "$off$page")"
    runs[on$page]+=" $(rps "$on$page")"
  done
done
printf '%-16s %12s %12s %8s   (medians of %s rounds of %ss, %s connections)\n' "request" "off req/s" "on req/s" "on/off" "$rounds" "$seconds" "$concurrency"
for page in /css/site.css /streams; do
  # shellcheck disable=SC2086
  off_rps=$(median ${runs[off$page]}); on_rps=$(median ${runs[on$page]})
  printf '%-16s %12.0f %12.0f %8.3f\n' "$page" "$off_rps" "$on_rps" "$(python3 -c "print($on_rps/$off_rps)")"
done
echo "exports received by the sink: $(grep -c traces "$work/sink.log" || true) of traces, $(grep -c metrics "$work/sink.log" || true) of metrics"
