import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddContactChannels1796028394595 implements MigrationInterface {
  name = 'AddContactChannels1796028394595';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "result_channel_optouts" ("user_id" varchar(36) NOT NULL, "channel" varchar(8) NOT NULL, "created_at" datetime(3) NOT NULL, PRIMARY KEY ("user_id", "channel"))`,
    );
    await queryRunner.query(`DROP INDEX "IDX_688f562fb9e2514d8cdf99ccf2"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_accounts" ("user_id" varchar(36) PRIMARY KEY NOT NULL, "account_number" varchar(12) NOT NULL, "account_type" varchar(8) NOT NULL, "parent_user_id" varchar(36), "real_name_type" varchar(16), "real_name_name" varchar(512), "real_name_certificate" varchar(255), "real_name_index" varchar(64), "real_name_verified_at" datetime(3), "created_at" datetime(3) NOT NULL, "mobile" varchar(255), "mobile_index" varchar(64), CONSTRAINT "UQ_ffd1ae96513bfb2c6eada0f7d31" UNIQUE ("account_number"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_accounts"("user_id", "account_number", "account_type", "parent_user_id", "real_name_type", "real_name_name", "real_name_certificate", "real_name_index", "real_name_verified_at", "created_at") SELECT "user_id", "account_number", "account_type", "parent_user_id", "real_name_type", "real_name_name", "real_name_certificate", "real_name_index", "real_name_verified_at", "created_at" FROM "accounts"`,
    );
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`ALTER TABLE "temporary_accounts" RENAME TO "accounts"`);
    await queryRunner.query(`CREATE INDEX "IDX_688f562fb9e2514d8cdf99ccf2" ON "accounts" ("real_name_index") `);
    await queryRunner.query(`CREATE INDEX "IDX_72b9f35b4469fea5a0e7cdeffc" ON "accounts" ("mobile_index") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_72b9f35b4469fea5a0e7cdeffc"`);
    await queryRunner.query(`DROP INDEX "IDX_688f562fb9e2514d8cdf99ccf2"`);
    await queryRunner.query(`ALTER TABLE "accounts" RENAME TO "temporary_accounts"`);
    await queryRunner.query(
      `CREATE TABLE "accounts" ("user_id" varchar(36) PRIMARY KEY NOT NULL, "account_number" varchar(12) NOT NULL, "account_type" varchar(8) NOT NULL, "parent_user_id" varchar(36), "real_name_type" varchar(16), "real_name_name" varchar(512), "real_name_certificate" varchar(255), "real_name_index" varchar(64), "real_name_verified_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_ffd1ae96513bfb2c6eada0f7d31" UNIQUE ("account_number"))`,
    );
    await queryRunner.query(
      `INSERT INTO "accounts"("user_id", "account_number", "account_type", "parent_user_id", "real_name_type", "real_name_name", "real_name_certificate", "real_name_index", "real_name_verified_at", "created_at") SELECT "user_id", "account_number", "account_type", "parent_user_id", "real_name_type", "real_name_name", "real_name_certificate", "real_name_index", "real_name_verified_at", "created_at" FROM "temporary_accounts"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_accounts"`);
    await queryRunner.query(`CREATE INDEX "IDX_688f562fb9e2514d8cdf99ccf2" ON "accounts" ("real_name_index") `);
    await queryRunner.query(`DROP TABLE "result_channel_optouts"`);
  }
}
