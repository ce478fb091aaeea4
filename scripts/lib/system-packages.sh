# Sourced by test.sh: Debian packages the tests need (never a downloaded browser).
ensure_debian_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || missing+=(fonts-wqy-zenhei)
  command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils) # renders the exported PDF to an image in tests
  # The balancer in front of the three-process test and the scale-out benchmark.
  [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  if [ ${#missing[@]} -gt 0 ]; then
    run_step "installing Debian packages: ${missing[*]} (a few minutes, once)" apt-install \
      bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"' apt-install "${missing[@]}"
  fi
}

# Sets TEST_MYSQL_URL: the given one, a server answering on 127.0.0.1:3306, or a private MariaDB started here.
ensure_mysql() {
  if [ -n "${TEST_MYSQL_URL:-}" ]; then log "MySQL/MariaDB for tests: $TEST_MYSQL_URL"; return; fi
  if node -e "require('net').connect(3306,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))" 2>/dev/null \
    && node scripts/lib/mysql-ping.cjs mysql://root@127.0.0.1:3306 2>/dev/null; then
    export TEST_MYSQL_URL=mysql://root@127.0.0.1:3306
    log "MySQL/MariaDB for tests: $TEST_MYSQL_URL"
    return
  fi
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || {
    run_step "installing mariadb-server (about 1 min, once)" apt-install-mariadb \
      bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server'
  }
  local dir="$PWD/var/mariadb-test"
  if [ ! -d "$dir/data/mysql" ]; then
    mkdir -p "$dir"
    mariadb-install-db --user=root --datadir="$dir/data" --auth-root-authentication-method=normal >/dev/null
  fi
  if ! node scripts/lib/mysql-ping.cjs mysql://root@127.0.0.1:3307 2>/dev/null; then
    log "starting a private MariaDB on 127.0.0.1:3307"
    /usr/sbin/mariadbd --user=root --datadir="$dir/data" --socket="$dir/mysqld.sock" --port=3307 \
      --bind-address=127.0.0.1 --pid-file="$dir/mysqld.pid" --skip-log-error >"$dir/mysqld.log" 2>&1 &
    for _ in $(seq 1 60); do node scripts/lib/mysql-ping.cjs mysql://root@127.0.0.1:3307 2>/dev/null && break; sleep 0.5; done
  fi
  node scripts/lib/mysql-ping.cjs mysql://root@127.0.0.1:3307 || { echo "MariaDB did not start (see $dir/mysqld.log)" >&2; exit 1; }
  export TEST_MYSQL_URL=mysql://root@127.0.0.1:3307
  log "MySQL/MariaDB for tests: $TEST_MYSQL_URL"
}

# Sets TEST_REDIS_URL (the shared rate-limit counters): the given one, a server answering on 127.0.0.1:6379, or a
# private Redis started here on 6380 that keeps nothing on disk.
ensure_redis() {
  if [ -n "${TEST_REDIS_URL:-}" ]; then log "Redis for tests: $TEST_REDIS_URL"; return; fi
  if node scripts/lib/redis-ping.cjs redis://127.0.0.1:6379 2>/dev/null; then
    export TEST_REDIS_URL=redis://127.0.0.1:6379
    log "Redis for tests: $TEST_REDIS_URL"
    return
  fi
  command -v redis-server >/dev/null 2>&1 || {
    run_step "installing redis-server (about 30 s, once)" apt-install-redis \
      bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server'
  }
  if ! node scripts/lib/redis-ping.cjs redis://127.0.0.1:6380 2>/dev/null; then
    log "starting a private Redis on 127.0.0.1:6380"
    mkdir -p "$PWD/var/redis-test"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6380 --save '' --appendonly no --dir "$PWD/var/redis-test" \
      --logfile "$PWD/var/redis-test/redis.log"
    for _ in $(seq 1 20); do node scripts/lib/redis-ping.cjs redis://127.0.0.1:6380 2>/dev/null && break; sleep 0.5; done
  fi
  node scripts/lib/redis-ping.cjs redis://127.0.0.1:6380 || { echo "Redis did not start (see var/redis-test/redis.log)" >&2; exit 1; }
  export TEST_REDIS_URL=redis://127.0.0.1:6380
  log "Redis for tests: $TEST_REDIS_URL"
}
