import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { loadConfig } from '../../src/platform/config/app-config';
import { CONFIG_KEYS } from '../../src/platform/config/environment.schema';
import { useTestApp } from '../support/test-app';

/**
 * The Dockerfile, compose.yaml and deploy/k8s cannot run here (no container engine, no cluster): they are checked
 * against the code instead. Every variable they set is one the server reads, what they set is a valid production
 * configuration, their probes and health checks hit real routes, and the stop and migration wiring holds.
 */
const ROOT = join(__dirname, '../../..');
const K8S = join(ROOT, 'deploy/k8s');
const PRODUCTION_KEY = `v1:${Buffer.alloc(32, 7).toString('base64')}`;

type Doc = Record<string, any>;

const k8sDocs: Doc[] = readdirSync(K8S)
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((f) =>
    parseAllDocuments(readFileSync(join(K8S, f), 'utf8')).map((d) => {
      if (d.errors.length) throw new Error(`${f}: ${d.errors.map((e) => e.message).join('; ')}`);
      return { ...(d.toJS() as Doc), __file: f };
    }),
  );
const ofKind = (kind: string): Doc[] => k8sDocs.filter((d) => d.kind === kind);
const one = (kind: string): Doc => {
  const docs = ofKind(kind);
  if (docs.length !== 1) throw new Error(`expected one ${kind}, found ${docs.length}`);
  return docs[0]!;
};
const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as Doc;
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** Dockerfile instructions with line continuations joined, split into stages at each FROM. */
function dockerStages(text: string): { from: string; instructions: { op: string; args: string }[] }[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: { from: string; instructions: { op: string; args: string }[] }[] = [];
  for (const line of lines) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') stages.push({ from: args, instructions: [] });
    else stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

/** `ENV A=1 B=2` → keys. */
function envKeys(args: string): string[] {
  return [...args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]!);
}

/** The environment a pod of the Deployment (or the Job) gets: its ConfigMap and Secret, then its own `env`. */
function podEnvironment(container: Doc): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, ofKind('ConfigMap').find((c) => c.metadata.name === source.configMapRef.name)!.data);
    if (source.secretRef) Object.assign(env, ofKind('Secret').find((s) => s.metadata.name === source.secretRef.name)!.stringData);
  }
  for (const { name, value } of container.env ?? []) env[name] = value;
  return env;
}

const deployment = one('Deployment');
const api0 = deployment.spec.template.spec.containers[0];
const job = one('Job');
const migrateContainer = job.spec.template.spec.containers[0];
const runtime = dockerStages(dockerfile).at(-1)!;

describe('deployable artifacts', () => {
  describe('Kubernetes manifests', () => {
    it('should parse and hold a Deployment, a migration Job, a Service, an HPA, a PodDisruptionBudget, a ConfigMap and a Secret, all listed in the kustomization', () => {
      expect(k8sDocs.map((d) => d.kind).sort()).toEqual([
        'ConfigMap',
        'Deployment',
        'HorizontalPodAutoscaler',
        'Job',
        'PodDisruptionBudget',
        'Secret',
        'Service',
      ]);
      const kustomization = parse(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8')) as Doc;
      expect([...kustomization.resources].sort()).toEqual([...new Set(k8sDocs.map((d) => d.__file))].sort());
    });

    it('should set only variables the server reads', () => {
      const keys = [...Object.keys(podEnvironment(api0)), ...Object.keys(podEnvironment(migrateContainer))];
      expect(keys.filter((k) => !CONFIG_KEYS.includes(k))).toEqual([]);
    });

    it('should give the pods a valid production configuration, every secret in it required', () => {
      const env: Record<string, string> = { ...podEnvironment(api0), FIELD_ENCRYPTION_KEYS: PRODUCTION_KEY };
      const config = loadConfig(env);

      expect(config.env).toBe('production');
      expect(config.migrationsRunAtBoot).toBe(false);
      expect(config.database.type).toBe('mysql');
      expect(config.storage.provider).toBe('s3');
      expect([config.rateLimitStore, config.redis?.url]).toEqual(['redis', one('Secret').stringData.REDIS_URL]);
      expect([config.sms.provider, config.ocr.provider, config.faceVerifier.provider]).toEqual(['tencent', 'tencent', 'tencent']);
      expect(config.simulatorsEnabled).toBe(false);
      expect(config.devLoginEnabled).toBe(false);
      for (const key of Object.keys(one('Secret').stringData)) {
        const { [key]: _left, ...without } = env;
        expect(() => loadConfig(without)).toThrow(new RegExp(key));
      }
    });

    it('should point the probes at the real health routes on the container port the server listens on', () => {
      const port = api0.ports.find((p: Doc) => p.name === 'http');
      expect(port.containerPort).toBe(Number(podEnvironment(api0).PORT));
      expect(api0.readinessProbe.httpGet).toEqual({ path: '/api/health/ready', port: 'http' });
      expect(api0.livenessProbe.httpGet).toEqual({ path: '/api/health/live', port: 'http' });
      expect(api0.startupProbe.httpGet.port).toBe('http');
      expect(one('Service').spec.ports[0].targetPort).toBe('http');
    });

    it('should select the Deployment pods from the Service, HPA and PodDisruptionBudget', () => {
      const labels = deployment.spec.template.metadata.labels;
      const matches = (selector: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);
      expect(matches(deployment.spec.selector.matchLabels)).toBe(true);
      expect(matches(one('Service').spec.selector)).toBe(true);
      expect(matches(one('PodDisruptionBudget').spec.selector.matchLabels)).toBe(true);
      expect(one('HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
      expect(one('HorizontalPodAutoscaler').spec.minReplicas).toBeGreaterThanOrEqual(2);
    });

    it('should stop within the pod grace period and roll without taking a replica away first', () => {
      const config = loadConfig({ ...podEnvironment(api0), FIELD_ENCRYPTION_KEYS: PRODUCTION_KEY });
      expect(deployment.spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(config.shutdown.graceMs);
      expect(config.shutdown.delayMs).toBeGreaterThan(0);
      expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    });

    it('should run the migrations in a Job with the same image and configuration, never in the replicas', () => {
      expect(migrateContainer.image).toBe(api0.image);
      expect(migrateContainer.command).toEqual(['node', 'dist/migrate.js']);
      expect(migrateContainer.envFrom).toEqual(api0.envFrom);
      expect(job.spec.template.spec.restartPolicy).toBe('Never');
      expect(existsSync(join(ROOT, 'server/src/migrate.ts'))).toBe(true);
    });

    it('should run as a non-root user on a read-only root filesystem with the data folder mounted', () => {
      for (const pod of [deployment.spec.template.spec, job.spec.template.spec]) {
        expect(pod.securityContext.runAsNonRoot).toBe(true);
        const container = pod.containers[0];
        expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
        expect(container.volumeMounts.map((m: Doc) => m.mountPath)).toContain(podEnvironment(container).DATA_DIR);
      }
    });
  });

  describe('compose.yaml', () => {
    const app = compose.services.app;
    const migrate = compose.services.migrate;

    it('should run MySQL 8, an S3-compatible store, Redis, a one-shot migration and the app after it', () => {
      expect(compose.services.mysql.image).toMatch(/^mysql:8/);
      expect(compose.services.minio.image).toMatch(/^minio\/minio/);
      expect(compose.services.redis.image).toMatch(/^redis:7/);
      expect(app.depends_on.redis.condition).toBe('service_healthy');
      expect(migrate.command).toEqual(['node', 'dist/migrate.js']);
      expect(app.depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(migrate.depends_on.mysql.condition).toBe('service_healthy');
    });

    it('should give the app and the migration the same valid production configuration, matching the database and store credentials', () => {
      expect(migrate.environment).toEqual(app.environment);
      expect(Object.keys(app.environment).filter((k) => !CONFIG_KEYS.includes(k))).toEqual([]);
      const config = loadConfig(app.environment);
      expect(config.env).toBe('production');
      expect(config.migrationsRunAtBoot).toBe(false);
      const db = new URL(app.environment.DATABASE_URL);
      const mysql = compose.services.mysql.environment;
      expect([db.hostname, db.username, db.password, db.pathname.slice(1)]).toEqual(['mysql', mysql.MYSQL_USER, mysql.MYSQL_PASSWORD, mysql.MYSQL_DATABASE]);
      const minio = compose.services.minio.environment;
      expect([app.environment.S3_ACCESS_KEY_ID, app.environment.S3_SECRET_ACCESS_KEY]).toEqual([minio.MINIO_ROOT_USER, minio.MINIO_ROOT_PASSWORD]);
      expect(new URL(app.environment.S3_ENDPOINT).hostname).toBe('minio');
      expect([config.rateLimitStore, new URL(app.environment.REDIS_URL).hostname]).toEqual(['redis', 'redis']);
      expect(compose.services['minio-bucket'].entrypoint.join(' ')).toContain(`local/${app.environment.S3_BUCKET}`);
    });

    it('should stop the app within its stop grace period', () => {
      const config = loadConfig(app.environment);
      expect(Number(/^(\d+)s$/.exec(app.stop_grace_period)![1]) * 1000).toBeGreaterThan(config.shutdown.graceMs);
    });
  });

  describe('Dockerfile', () => {
    const stages = dockerStages(dockerfile);

    it('should build in one stage and run the pnpm deploy --prod output and the H5 build in another, on Node 24', () => {
      expect(stages.length).toBeGreaterThanOrEqual(2);
      expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24[-\w]*$/m);
      const build = stages[0]!;
      expect(ops(build, 'RUN').join('\n')).toMatch(/pnpm install --frozen-lockfile/);
      expect(ops(build, 'RUN').join('\n')).toMatch(/build:h5/);
      expect(ops(build, 'RUN').join('\n')).toMatch(/pnpm --filter @beian\/server --prod deploy/);
      expect(ops(runtime, 'COPY').some((c) => /--from=build .*\/out\/server \/app$/.test(c))).toBe(true);
      const runtimeEnv = Object.fromEntries(ops(runtime, 'ENV').flatMap((a) => [...a.matchAll(/([A-Za-z_]\w*)=(\S+)/g)].map((m) => [m[1], m[2]])));
      expect(ops(runtime, 'COPY').some((c) => c.includes('miniapp/dist/h5') && c.endsWith(runtimeEnv.H5_DIR!))).toBe(true);
      expect(ops(runtime, 'CMD')).toEqual(['["node", "dist/main.js"]']);
      expect(JSON.parse(readFileSync(join(ROOT, 'server/package.json'), 'utf8')).files).toContain('dist');
    });

    it('should run as a non-root user and check liveness on the real route', () => {
      const user = ops(runtime, 'USER');
      expect(user.length).toBe(1);
      expect(user[0]).not.toMatch(/^(root|0)(:|$)/);
      expect(ops(runtime, 'HEALTHCHECK').join(' ')).toContain('/api/health/live');
    });

    it('should set only variables the server reads in the image, and copy only files that exist', () => {
      expect(
        ops(runtime, 'ENV')
          .flatMap(envKeys)
          .filter((k) => !CONFIG_KEYS.includes(k)),
      ).toEqual([]);
      const sources = stages[0]!.instructions.filter((i) => i.op === 'COPY' && !i.args.includes('--from')).flatMap((i) => i.args.split(/\s+/).slice(0, -1));
      expect(sources.filter((s) => !existsSync(join(ROOT, s)))).toEqual([]);
      const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8');
      expect(ignored).toMatch(/node_modules/);
      expect(ignored).toMatch(/^\.tools$/m);
    });
  });

  describe('against a running server', () => {
    const t = useTestApp();

    it('should answer 200 on every path a probe or health check uses', async () => {
      const healthcheckPaths = [
        ...[api0.readinessProbe, api0.livenessProbe, api0.startupProbe].map((p: Doc) => p.httpGet.path as string),
        ...[ops(runtime, 'HEALTHCHECK').join(' '), compose.services.app.healthcheck.test.join(' ')].map((text) => /(\/api\/[\w/]+)/.exec(text)![1]!),
        deployment.spec.template.metadata.annotations['prometheus.io/path'],
      ];
      expect(healthcheckPaths).toContain('/metrics');
      for (const path of new Set(healthcheckPaths)) expect({ path, status: (await fetch(`${t.url}${path}`)).status }).toEqual({ path, status: 200 });
    });
  });
});

function ops(stage: { instructions: { op: string; args: string }[] }, op: string): string[] {
  return stage.instructions.filter((i) => i.op === op).map((i) => i.args);
}
