import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `resource_uses` rows written before keys were normalised kept an APP's name as typed (`app:My  Shop `); today's key
 * (`serviceKey` of shared) folds its spaces and case (`app:my shop`). Re-keyed here, with the rule as it stands at this
 * migration, so that a 变更 replaces the approved row of its APP, a 注销 releases it and the APP counts once on its
 * instance on SQLite (case-sensitive) as on MariaDB. Website rows were already trimmed and lower-cased. Idempotent.
 */
export class NormaliseResourceUseKeys1796045900000 implements MigrationInterface {
  name = 'NormaliseResourceUseKeys1796045900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: number | string; service_key: string }[] = await queryRunner.query(
      `SELECT id, service_key FROM resource_uses WHERE service_key LIKE 'app:%'`,
    );
    for (const row of rows) {
      const key = `app:${row.service_key.slice('app:'.length).replace(/[\s\u3000]+/g, ' ').trim().toLowerCase()}`.slice(0, 270);
      if (key !== row.service_key) await queryRunner.query('UPDATE resource_uses SET service_key = ? WHERE id = ?', [key, row.id]);
    }
  }

  /** Nothing to undo: the typed-case keys were the inconsistent ones, and every build since reads the normalised form. */
  async down(): Promise<void> {}
}
