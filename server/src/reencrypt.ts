import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { APP_ENTITIES } from './app-entities';
import { localFolderStorage } from './materials/local-folder.storage';
import { SystemClock } from './platform/clock/clock';
import { loadConfigOrExit } from './platform/config/app-config';
import { FieldCipher } from './platform/crypto/field-cipher';
import { reencryptFields } from './platform/crypto/field-reencryption';
import { DatabaseService } from './platform/database/database.service';
import { dataSourceOptions } from './platform/database/data-source-options';

/**
 * After a new field key is added to FIELD_ENCRYPTION_KEYS (`v1:…,v2:…`, the last encrypts) and every process runs
 * with it: `node dist/reencrypt.js [--batch=500]` rewrites every value and stored file still under an older key, in
 * bounded batches; run it again after a stop, it carries on. Then the older key can be removed — after pinning the
 * blind indexes' key when the first key goes: `node dist/reencrypt.js --index-key` prints the FIELD_INDEX_KEY to set.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (process.argv.includes('--index-key')) {
    const indexKey = config.fieldIndexKey ?? FieldCipher.derivedIndexKey(config.fieldEncryptionKeys[0]!.key);
    console.log(`FIELD_INDEX_KEY=${indexKey.toString('base64')}`);
    return;
  }
  const batchSize = Number(/^--batch=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--batch=')) ?? '')?.[1] ?? 500);
  const cipher = new FieldCipher(config.fieldEncryptionKeys, config.fieldIndexKey);
  const dataSource = new DataSource({ ...dataSourceOptions(config.database, APP_ENTITIES), migrationsRun: false, logging: ['error'] });
  await dataSource.initialize();
  try {
    const fields = await reencryptFields(new DatabaseService(dataSource), cipher, {
      batchSize,
      onBatch: (p) => console.log(`${p.table}.${p.column}: ${p.rewritten} value(s) rewritten so far`),
    });
    console.log(`fields: ${fields.reduce((sum, p) => sum + p.rewritten, 0)} value(s) rewritten under ${config.fieldEncryptionKeys.at(-1)!.version}`);
  } finally {
    await dataSource.destroy();
  }
  if (config.storage.provider !== 'local') {
    console.log('files: in the bucket, encrypted by the bucket itself (server-side encryption): nothing to rewrite');
    return;
  }
  const storage = localFolderStorage(config, new SystemClock());
  let files = 0;
  for (let batch = await storage.resealStale(batchSize); batch > 0; batch = await storage.resealStale(batchSize)) {
    files += batch;
    console.log(`files: ${files} resealed so far`);
  }
  console.log(`files: ${files} resealed`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
