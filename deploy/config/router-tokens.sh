#!/usr/bin/env bash
# Makes the router's API tokens for docker-compose.yml, once: a write token for Prometheus, which sends its alerts
# to the router as to an Alertmanager, and one for you (silences, acks, amtool). Kept across restarts: an existing
# token file is left as it is, so Prometheus and your scripts keep working. Usage: router-tokens.sh <folder>
#   router-api-tokens   the router's router.api.tokens.file, "name scope token" per line
#   prometheus-token    Prometheus' credentials_file
#   admin-token         yours: docker compose exec router cat /run/slo-secrets/admin-token
set -euo pipefail
dir=${1:?usage: router-tokens.sh <folder>}
tokens="$dir/router-api-tokens"
if [ -s "$tokens" ]; then
  echo "router tokens kept: $tokens"
  exit 0
fi
new_token() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
prometheus=$(new_token)
admin=$(new_token)
# the router (user 10001) and Prometheus (nobody) read them; only the containers that mount the volume see it
umask 022
printf '%s\n' "$prometheus" > "$dir/prometheus-token"
printf '%s\n' "$admin" > "$dir/admin-token"
printf '# name scope token\nprometheus write %s\nadmin write %s\n' "$prometheus" "$admin" > "$tokens.new"
mv "$tokens.new" "$tokens"
echo "router tokens made in $dir"
