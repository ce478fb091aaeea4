# Sourced by start.sh and test.sh: makes sure pnpm and the workspace dependencies are installed.
PNPM_VERSION=12.21.0

log() { printf '\033[1m[beian]\033[0m %s\n' "$*"; }

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
