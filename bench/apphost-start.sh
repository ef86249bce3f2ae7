#!/usr/bin/env bash
# Console measurement (not a test): AppHost start, after a build, to every resource healthy, then the RSS of the whole
# app at rest. Build first: dotnet build AiWorkload.AppHost. The services WaitFor the local Service Bus and its entities
# turn Running when it is healthy, so the three services' /health answering OK means every resource is healthy. Each
# service's own address is read from its process environment (ASPNETCORE_URLS), as the AppHost gave it.
set -euo pipefail
cd "$(dirname "$0")/../AiWorkload.AppHost"
start=$(date +%s.%N)
dotnet run --no-build > "${TMPDIR:-/tmp}/apphost-start.log" 2>&1 &
runner=$!
trap 'kill -TERM $(pgrep -f "net10.0/AiWorkload.AppHost$") $runner 2>/dev/null || true; wait $runner 2>/dev/null || true' EXIT
service_url() {
  local pid
  pid=$(pgrep -f "net10.0/AiWorkload.$1.dll" | head -1) || return 1
  tr '\0' '\n' < "/proc/$pid/environ" | sed -n 's/^ASPNETCORE_URLS=//p'
}
# Polled every 0.2 s, each address looked up once and each service checked until it answers: the probe itself must not
# take the CPU the start-up needs (two cores).
healthy=""
declare -A url=() answered=()
for _ in $(seq 1 1500); do
  for service in Api Retraining Orchestrator; do
    [ -n "${answered[$service]:-}" ] && continue
    [ -z "${url[$service]:-}" ] && url[$service]=$(service_url "$service" 2>/dev/null || true)
    [ -n "${url[$service]}" ] && curl -sf -m1 "${url[$service]}/health" > /dev/null && answered[$service]=1
  done
  if [ "${#answered[@]}" -eq 3 ]; then healthy=$(echo "$(date +%s.%N) - $start" | bc); break; fi
  sleep 0.2
done
echo "start to every resource healthy: ${healthy:-timeout} s"
sleep "${REST_SECONDS:-30}"
# The AppHost's session (AppHost, dashboard) and DCP's (DCP, the Service Bus and the services).
apphost=$(pgrep -f "net10.0/AiWorkload.AppHost$" | head -1)
dcp=$(pgrep -f "dcp run-controllers" | head -1)
ps -eo sid,rss,comm | grep -vE " (ps|bash|tail|tr|awk|grep|curl|sleep|sed)$" | awk -v a="$(ps -o sid= -p "$apphost" | tr -d ' ')" -v b="$(ps -o sid= -p "$dcp" | tr -d ' ')" \
  '($1==a||$1==b){t+=$2; printf "%8.0f MB %s\n",$2/1024,$3} END{printf "RSS at rest, whole app: %.0f MB\n",t/1024}'
