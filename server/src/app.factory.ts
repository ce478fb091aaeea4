import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyStatic from '@fastify/static';

import { validateWorkflowTable } from '@beian/shared';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config/app-config';
import { ErrorBodyFilter } from './platform/errors/error-body.filter';
import { QueryStringPipe } from './platform/http/query-string.pipe';
import { loggerOptions, type LogStream } from './platform/logging/logger-options';
import type { PlatformOverrides } from './platform/platform.module';

export interface CreateAppOptions extends PlatformOverrides {
  logStream?: LogStream;
}

const DEFAULT_H5_DIR = join(__dirname, '..', '..', 'miniapp', 'dist', 'h5');

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const problems = validateWorkflowTable();
  if (problems.length) throw new Error(`Workflow table is inconsistent:\n${problems.join('\n')}`);

  // Signed access and invitation tokens travel as path parameters and are longer than Fastify's default 100.
  const adapter = new FastifyAdapter({ logger: loggerOptions(config.logLevel, options.logStream), bodyLimit: config.bodyLimitBytes, maxParamLength: 512 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    logger: config.logLevel === 'silent' ? false : config.env === 'test' ? ['error'] : ['error', 'warn', 'log'],
  });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ErrorBodyFilter());
  app.useGlobalPipes(new QueryStringPipe());

  const fastify = app.getHttpAdapter().getInstance();

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
