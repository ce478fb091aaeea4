import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm';
import type { DatabaseService } from '../database/database.service';
import type { FieldCipher } from './field-cipher';

/** The shortest stored value (`enc:v1:` and an empty plain text's iv and tag in base64): narrower columns hold none. */
const SHORTEST_ENCRYPTED = 47;
const TEXT_TYPES = new Set(['text', 'mediumtext', 'longtext', 'varchar']);

export interface ReencryptionProgress {
  table: string;
  column: string;
  rewritten: number;
}

interface Target {
  table: string;
  column: string;
  keys: string[];
}

const quote = (db: DatabaseService, name: string) => (db.isSqlite ? `"${name}"` : `\`${name}\``);

function targetsOf(metadata: EntityMetadata): Target[] {
  const keys = metadata.primaryColumns.map((c) => c.databaseName);
  const holdsValues = (c: ColumnMetadata) =>
    TEXT_TYPES.has(String(c.type)) && !c.isPrimary && (c.type !== 'varchar' || Number(c.length || 255) >= SHORTEST_ENCRYPTED);
  return keys.length ? metadata.columns.filter(holdsValues).map((c) => ({ table: metadata.tableName, column: c.databaseName, keys })) : [];
}

/**
 * After a new field key is added (FIELD_ENCRYPTION_KEYS `v1:…,v2:…`), rewrites every value still encrypted under an
 * older key, in every text column of every table (whole values and values inside sealed JSON), so the older key can
 * then be removed. Batches of `batchSize` rows in key order, one transaction each; a rewritten row no longer matches,
 * so a run stopped halfway resumes where it was. A row changed meanwhile is left for the next run.
 */
export async function reencryptFields(
  db: DatabaseService,
  cipher: FieldCipher,
  { batchSize = 500, onBatch }: { batchSize?: number; onBatch?: (progress: ReencryptionProgress) => void } = {},
): Promise<ReencryptionProgress[]> {
  const stale = cipher.staleVersions;
  if (!stale.length) return [];
  const done: ReencryptionProgress[] = [];
  for (const target of db.dataSource.entityMetadatas.flatMap(targetsOf)) {
    const column = quote(db, target.column);
    const keys = target.keys.map((k) => quote(db, k));
    const matches = stale.map(() => `${column} LIKE ?`).join(' OR ');
    const patterns = stale.map((version) => `%enc:${version}:%`);
    const progress = { table: target.table, column: target.column, rewritten: 0 };
    let after: unknown[] | null = null;
    for (;;) {
      const past: string = after ? ` AND (${keys.join(', ')}) > (${keys.map(() => '?').join(', ')})` : '';
      const rows: Record<string, unknown>[] = await db.rows<Record<string, unknown>>(
        `SELECT ${keys.join(', ')}, ${column} AS stored FROM ${quote(db, target.table)} WHERE (${matches})${past} ORDER BY ${keys.join(', ')} LIMIT ${Number(batchSize)}`,
        [...patterns, ...(after ?? [])],
      );
      if (!rows.length) break;
      const where = keys.map((k) => `${k} = ?`).join(' AND ');
      progress.rewritten += await db.retryingTransaction(async (tx) => {
        let rewritten = 0;
        for (const row of rows) {
          const stored = row.stored as string;
          const renewed = cipher.reencryptWithin(stored);
          if (renewed === stored) continue;
          const params = [renewed, ...target.keys.map((k) => row[k]), stored];
          rewritten += await db.execute(tx, `UPDATE ${quote(db, target.table)} SET ${column} = ? WHERE ${where} AND ${column} = ?`, params);
        }
        return rewritten;
      });
      after = target.keys.map((k) => rows[rows.length - 1]![k]);
      onBatch?.(progress);
    }
    if (progress.rewritten) done.push(progress);
  }
  return done;
}
