import { createApp } from './app.factory';
import { loadConfigOrExit } from './platform/config/app-config';
import { installGracefulShutdown } from './platform/lifecycle/graceful-shutdown';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  // Not Nest's enableShutdownHooks: the stop drains first (readiness 503, no new jobs) and is bounded in time.
  installGracefulShutdown(app, config.shutdown);
  await app.listen(config.port, config.host);
  const address = `http://${config.host}:${(app.getHttpServer().address() as { port: number }).port}`;
  const db = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : config.database.type;
  console.log(`Beian is running at ${address}  (API ${address}/api, docs ${address}/api/docs, database: ${db})`);
}

void main();
