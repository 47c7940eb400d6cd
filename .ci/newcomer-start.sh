#!/usr/bin/env bash
# A newcomer's first minute, as an ordinary (not root) user: a fresh clone, `npm install && npm start`,
# until /health answers; then Ctrl-C's equivalent to the whole process group, which must stop cleanly.
# Usage: newcomer-start.sh REPO [USER] (run as root: it makes the user if missing and hands the clone over).
set -euo pipefail
REPO="$1"
USER_NAME="${2:-entryrate-newcomer}"
WORK=/tmp/entryrate-newcomer
PORT=4600

id "$USER_NAME" >/dev/null 2>&1 || useradd -m -s /bin/bash "$USER_NAME"
rm -rf "$WORK" && mkdir -p "$WORK"
# A bundle of the commit under test: the user may not be able to read the CI folder itself.
git -C "$REPO" bundle create "$WORK/repo.bundle" HEAD >/dev/null 2>&1
chmod 755 "$WORK" && chmod 644 "$WORK/repo.bundle"

runuser -u "$USER_NAME" -- bash -s "$WORK" "$PORT" <<'AS_USER'
set -euo pipefail
WORK="$1"; PORT="$2"
cd "$HOME"
rm -rf entryrate && git clone -q "$WORK/repo.bundle" entryrate && cd entryrate
echo "as $(id -un) (uid $(id -u)) in $(pwd)"
npm install --no-audit --no-fund --loglevel=error
export PORT DEMO_PORT=$((PORT + 1)) STRIPE_SIM_PORT=$((PORT + 2)) PG_PORT=$((PORT + 3))
setsid npm start > "$HOME/npm-start.log" 2>&1 &
pid=$!
stop() { kill -INT -- "-$pid" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early:"; cat "$HOME/npm-start.log"; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/health" || { echo "no /health after 180 s:"; cat "$HOME/npm-start.log"; exit 1; }
echo
curl -fsS "http://127.0.0.1:$PORT/ready"
echo
grep -q '"testKey"' .data/demo.json
grep -q '"dashboardEmail"' .data/demo.json
# The demo owner signs in to the dashboard with what npm start printed.
email=$(node -p "require('./.data/demo.json').dashboardEmail")
password=$(node -p "require('./.data/demo.json').dashboardPassword")
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/dashboard/signin"
curl -fsS -o /dev/null -H 'Content-Type: application/json' -H "Origin: http://localhost:$PORT" \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" "http://127.0.0.1:$PORT/v1/sessions"
trap - EXIT
stop
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then echo "npm start did not stop on Ctrl-C"; kill -KILL -- "-$pid"; exit 1; fi
sed -n '1,40p' "$HOME/npm-start.log"
echo "npm start as an ordinary user: up, healthy, stopped"
AS_USER
