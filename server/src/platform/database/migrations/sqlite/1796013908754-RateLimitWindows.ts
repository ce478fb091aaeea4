import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimitWindows1796013908754 implements MigrationInterface {
  name = 'RateLimitWindows1796013908754';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_windows" ("bucket" varchar(64) PRIMARY KEY NOT NULL, "window_index" integer NOT NULL, "hits" integer NOT NULL, "expires_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_rate_limit_windows_expires_at" ON "rate_limit_windows" ("expires_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_rate_limit_windows_expires_at"`);
    await queryRunner.query(`DROP TABLE "rate_limit_windows"`);
  }
}
