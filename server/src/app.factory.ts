import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyStatic from '@fastify/static';

import { validateWorkflowTable } from '@beian/shared';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config/app-config';
import { MetricsService } from './platform/metrics/metrics.service';
import { Clock } from './platform/clock/clock';
import { SharedOffsetClock } from './platform/clock/shared-offset.clock';
import { AppLifecycle } from './platform/lifecycle/app-lifecycle';
import { RequestContext, requestIdFrom } from './platform/http/request-context';
import { ErrorBodyFilter } from './platform/errors/error-body.filter';
import { QueryStringPipe } from './platform/http/query-string.pipe';
import { registerRateLimits } from './platform/http/rate-limit.hook';
import { RateLimiter } from './platform/http/rate-limiter';
import { loggerOptions, type LogStream } from './platform/logging/logger-options';
import { StreamLogger } from './platform/logging/stream-logger';
import type { PlatformOverrides } from './platform/platform.module';

export interface CreateAppOptions extends PlatformOverrides {
  logStream?: LogStream;
}

const DEFAULT_H5_DIR = join(__dirname, '..', '..', 'miniapp', 'dist', 'h5');

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const problems = validateWorkflowTable();
  if (problems.length) throw new Error(`Workflow table is inconsistent:\n${problems.join('\n')}`);

  // Signed access and invitation tokens travel as path parameters and are longer than Fastify's default 100.
  // The request id comes from `x-request-id` (a balancer's or client's) or is generated; it is in every request log
  // line (`reqId`), in the answer's `x-request-id`, and in the jobs and outbox rows the request writes.
  const adapter = new FastifyAdapter({
    logger: loggerOptions(config.logLevel, options.logStream),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 512 },
    genReqId: (req: IncomingMessage) => requestIdFrom(req.headers['x-request-id']),
  });
  // Nest's 'log' level carries only its bootstrap chatter (a line per module and route); the app logs at warn and error.
  const levels: LogLevel[] = config.env === 'test' ? ['error'] : ['error', 'warn'];
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    logger: config.logLevel === 'silent' ? false : options.logStream ? new StreamLogger(options.logStream, levels) : levels,
  });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ErrorBodyFilter());
  app.useGlobalPipes(new QueryStringPipe());

  const fastify = app.getHttpAdapter().getInstance();
  // While draining every answer closes its connection, so keep-alive clients and balancers reconnect elsewhere and
  // the listener's close is not held up by idle keep-alive sockets.
  const lifecycle = app.get(AppLifecycle);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    RequestContext.run(request.id, done);
  });
  // Another process may have moved the simulated clock: every request sees the time the last fast-forward set.
  const clock = app.get(Clock);
  if (clock instanceof SharedOffsetClock)
    fastify.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/api/')) await clock.refresh();
    });
  if (config.rateLimits) registerRateLimits(fastify, app.get(RateLimiter), config.rateLimits);
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (lifecycle.draining) reply.header('connection', 'close');
    return payload;
  });

  if (config.metricsEnabled) {
    const metrics = app.get(MetricsService);
    // The route template (`/api/orders/:id`), never the raw URL: ids and tokens would make a series per request.
    fastify.addHook('onResponse', async (request, reply) => {
      metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    });
    fastify.get('/metrics', async (_request, reply) => {
      const { contentType, body } = await metrics.render();
      return reply.type(contentType).send(body);
    });
  }

  const h5Dir = config.h5Dir ?? DEFAULT_H5_DIR;
  if (existsSync(h5Dir)) await fastify.register(fastifyStatic, { root: h5Dir, prefix: '/', wildcard: false });

  // The API description is a map for attackers too: served only where configured (default: outside production).
  if (config.apiDocsEnabled) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('Beian API').setDescription('ICP 备案 API').setVersion('1').addBearerAuth().build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }

  await app.init();
  return app;
}
