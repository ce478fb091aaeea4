import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UPLOAD_LIMITS } from '@beian/shared';
import { AppException } from '../platform/errors/app-exception';
import { toErrorResponse } from '../platform/errors/error-body.filter';
import { LOCAL_STORAGE_PREFIX, LocalFolderStorage, type StorageOperation } from './local-folder.storage';
import { ObjectStorage } from './object-storage.port';

type StorageRequest = FastifyRequest<{ Params: { '*': string }; Querystring: Record<string, string | undefined> }>;

/**
 * The HTTP face of the local storage adapter: `PUT`/`GET /api/storage/<key>?op&exp&p&sig`. Authorised by the
 * URL's signature alone (like a presigned S3/COS URL), so it sits outside Nest's guards, in its own Fastify
 * context that accepts raw bodies.
 */
@Injectable()
export class LocalStorageRoutes implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly storage: ObjectStorage,
  ) {}

  onModuleInit(): void {
    const storage = this.storage;
    if (!(storage instanceof LocalFolderStorage)) return;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const maxBytes = Math.max(UPLOAD_LIMITS.maxFileBytes, UPLOAD_LIMITS.maxVideoBytes);
    void fastify.register(async (scope) => {
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
      scope.put(`${LOCAL_STORAGE_PREFIX}*`, { bodyLimit: maxBytes }, (request, reply) => this.put(storage, request as StorageRequest, reply));
      scope.get(`${LOCAL_STORAGE_PREFIX}*`, (request, reply) => this.get(storage, request as StorageRequest, reply));
      scope.setErrorHandler((error, _request, reply) => {
        const { status, body } = toErrorResponse(error);
        void reply.status(status).send(body);
      });
    });
  }

  private async put(storage: LocalFolderStorage, request: StorageRequest, reply: FastifyReply): Promise<void> {
    const signed = this.authorise(storage, request, 'put');
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new AppException('VALIDATION_FAILED', [{ path: 'file', code: 'FILE_EMPTY', message: '文件内容为空，请重新选择文件上传' }]);
    if (body.length > Number(signed.param)) throw new AppException('PAYLOAD_TOO_LARGE');
    await storage.write(signed.key, body);
    void reply.status(204).send();
  }

  private async get(storage: LocalFolderStorage, request: StorageRequest, reply: FastifyReply): Promise<void> {
    const signed = this.authorise(storage, request, 'get');
    const bytes = await storage.read(signed.key);
    if (!bytes) throw new AppException('NOT_FOUND');
    void reply.header('content-type', signed.param).header('cache-control', 'private, max-age=60').header('x-content-type-options', 'nosniff').send(bytes);
  }

  private authorise(storage: LocalFolderStorage, request: StorageRequest, op: StorageOperation) {
    const q = request.query;
    const signed = storage.verify({ op, key: request.params['*'], expires: Number(q.exp), param: q.p ?? '' }, q.sig ?? '');
    if (!signed || q.op !== op) throw new AppException('STORAGE_URL_INVALID');
    return signed;
  }
}
