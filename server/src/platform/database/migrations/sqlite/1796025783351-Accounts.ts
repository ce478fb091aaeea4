import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1796025783351 implements MigrationInterface {
  name = 'Accounts1796025783351';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounts" ("user_id" varchar(36) PRIMARY KEY NOT NULL, "account_number" varchar(12) NOT NULL, "account_type" varchar(8) NOT NULL, "parent_user_id" varchar(36), "real_name_type" varchar(16), "real_name_name" varchar(512), "real_name_certificate" varchar(255), "real_name_index" varchar(64), "real_name_verified_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_ffd1ae96513bfb2c6eada0f7d31" UNIQUE ("account_number"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_688f562fb9e2514d8cdf99ccf2" ON "accounts" ("real_name_index") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_688f562fb9e2514d8cdf99ccf2"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
