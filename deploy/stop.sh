#!/bin/sh
# Stops a platform that ./mvnw -Pstart runs in another terminal, as Ctrl-C there would.
set -eu
pid_file="$(cd "$(dirname "$0")/.." && pwd)/.samlyft/platform.pid"
if [ ! -f "$pid_file" ]; then
  echo "No platform is running here (no $pid_file)."
  exit 0
fi
pid="$(cat "$pid_file")"
if ! kill -TERM "$pid" 2>/dev/null; then
  echo "The platform (process $pid) is no longer running."
  rm -f "$pid_file"
  exit 0
fi
printf 'Stopping the platform (process %s)' "$pid"
while kill -0 "$pid" 2>/dev/null; do
  printf '.'
  sleep 1
done
echo ' stopped.'
