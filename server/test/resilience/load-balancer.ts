import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../support/free-port';

/** Debian's haproxy on loopback in front of server processes: round robin, readiness checks, and the backend named in `x-backend`. */
export interface LoadBalancer {
  url: string;
  /** haproxy's messages and one line per request (`option httplog`), with the backend and the request id. */
  logFile: string;
  stop(): Promise<void>;
}

export const HAPROXY = ['/usr/sbin/haproxy', 'haproxy'].find((path) => spawnSync(path, ['-v']).status === 0);

/**
 * A connection refused by a dead or stopped backend is retried on another one (`retries` + `redispatch`); a request
 * cut off inside a killed backend is answered 502 by haproxy. A backend leaves the rotation once `/api/health/ready`
 * fails two checks in a row (every 200 ms), which a graceful stop answers 503 before it closes its listener.
 */
export async function startLoadBalancer(backends: { name: string; url: string }[]): Promise<LoadBalancer> {
  if (!HAPROXY) throw new Error('haproxy is not installed (scripts/lib/system-packages.sh installs it: apt-get install haproxy)');
  const port = await freePort();
  const config = join(mkdtempSync(join(tmpdir(), 'beian-haproxy-')), 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 512',
      '  log stderr format raw local0 info',
      'defaults',
      '  mode http',
      '  log global',
      '  option httplog',
      '  timeout connect 1s',
      '  timeout client 60s',
      '  timeout server 60s',
      // A check answers slowly on a machine busy with other test runs; only a refusal or a 503 should take a backend out.
      '  timeout check 5s',
      '  retries 3',
      '  option redispatch',
      'frontend api',
      // The request id in each log line, to find a request the test saw fail.
      '  capture request header x-request-id len 80',
      `  bind 127.0.0.1:${port}`,
      '  default_backend servers',
      '  http-after-response set-header x-backend %s',
      'backend servers',
      '  balance roundrobin',
      '  option http-server-close',
      '  option httpchk GET /api/health/ready',
      ...backends.map((b) => `  server ${b.name} ${new URL(b.url).host} check inter 200 fall 2 rise 1`),
      '',
    ].join('\n'),
  );
  // A file, not a pipe: haproxy drops log lines it cannot write at once, and a busy test process reads a pipe late.
  const logFile = join(dirname(config), 'haproxy.log');
  const log = openSync(logFile, 'w');
  const child = spawn(HAPROXY, ['-f', config, '-db'], { stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    logFile,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
