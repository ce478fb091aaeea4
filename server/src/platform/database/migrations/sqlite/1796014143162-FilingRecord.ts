import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FilingRecord1796014143162 implements MigrationInterface {
  name = 'FilingRecord1796014143162';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "filing_access_records" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "service_id" varchar(36) NOT NULL, "provider" varchar(64) NOT NULL, "since" datetime(3) NOT NULL, "ended_at" datetime(3), "resource" text)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_375e1ef9e845403e839ffe7fc4" ON "filing_access_records" ("service_id") `);
    await queryRunner.query(
      `CREATE TABLE "filing_services" ("id" varchar(36) PRIMARY KEY NOT NULL, "subject_id" varchar(36) NOT NULL, "service_type" varchar(16) NOT NULL, "service_icp_number" varchar(48) NOT NULL, "seq" integer NOT NULL, "name" varchar(128) NOT NULL, "domains" text NOT NULL, "home_url" varchar(512), "packages" text NOT NULL, "details" text NOT NULL, "principal" text NOT NULL, "resource" text, "state" varchar(16) NOT NULL, "approved_at" datetime(3) NOT NULL, "changed_at" datetime(3) NOT NULL, CONSTRAINT "UQ_610a3aac78fd1a0a863b6df271b" UNIQUE ("service_icp_number"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_22fa606db92818adc7b62e56a3" ON "filing_services" ("subject_id", "state") `);
    await queryRunner.query(
      `CREATE TABLE "filing_service_keys" ("service_id" varchar(36) NOT NULL, "service_key" varchar(270) NOT NULL, PRIMARY KEY ("service_id", "service_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6dbd0c3add92ea4ded0265e2eb" ON "filing_service_keys" ("service_key") `);
    await queryRunner.query(
      `CREATE TABLE "filing_subjects" ("id" varchar(36) PRIMARY KEY NOT NULL, "owner_id" varchar(36) NOT NULL, "subject_icp_number" varchar(40) NOT NULL, "province_code" varchar(2) NOT NULL, "region_code" varchar(6) NOT NULL, "nature" varchar(32) NOT NULL, "certificate_type" varchar(32) NOT NULL, "certificate_number" varchar(255) NOT NULL, "certificate_index" varchar(64) NOT NULL, "name" varchar(128) NOT NULL, "details" text NOT NULL, "principal" text NOT NULL, "origin" varchar(16) NOT NULL, "state" varchar(16) NOT NULL, "max_service_seq" integer NOT NULL, "version" integer NOT NULL, "approved_at" datetime(3) NOT NULL, "changed_at" datetime(3) NOT NULL, CONSTRAINT "UQ_bd709feb5db3ae10271330e6538" UNIQUE ("subject_icp_number"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1f05509420bae3226c19a2ad25" ON "filing_subjects" ("certificate_index", "state") `);
    await queryRunner.query(`CREATE INDEX "IDX_bfee438e86499e065c515fe845" ON "filing_subjects" ("owner_id", "state") `);
    await queryRunner.query(
      `CREATE TABLE "filing_versions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_id" varchar(36) NOT NULL, "order_id" varchar(36) NOT NULL, "kind" varchar(32) NOT NULL, "before" text, "after" text NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_eb042f083d34344dd18130a6b1d" UNIQUE ("order_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_da3df9ff8e2b3850e9c9b9c6aa" ON "filing_versions" ("subject_id", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_896ff7cfbca23a19d4b3d4a3f6"`);
    await queryRunner.query(`DROP INDEX "IDX_2e062426fac97d10a994c47038"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_filing_orders" ("id" varchar(36) PRIMARY KEY NOT NULL, "owner_id" varchar(36) NOT NULL, "kind" varchar(32) NOT NULL, "subject_type" varchar(16) NOT NULL, "service_type" varchar(16) NOT NULL, "status" varchar(40) NOT NULL, "version" integer NOT NULL, "submitted_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, "subject_index" varchar(64), "subject_id" varchar(36), "service_ids" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_filing_orders"("id", "owner_id", "kind", "subject_type", "service_type", "status", "version", "submitted_at", "created_at", "updated_at", "subject_index") SELECT "id", "owner_id", "kind", "subject_type", "service_type", "status", "version", "submitted_at", "created_at", "updated_at", "subject_index" FROM "filing_orders"`,
    );
    await queryRunner.query(`DROP TABLE "filing_orders"`);
    await queryRunner.query(`ALTER TABLE "temporary_filing_orders" RENAME TO "filing_orders"`);
    await queryRunner.query(`CREATE INDEX "IDX_896ff7cfbca23a19d4b3d4a3f6" ON "filing_orders" ("subject_index", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_2e062426fac97d10a994c47038" ON "filing_orders" ("owner_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_1db3ec4a2efaeaefec2aa41a8f" ON "filing_orders" ("subject_id", "status") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1db3ec4a2efaeaefec2aa41a8f"`);
    await queryRunner.query(`DROP INDEX "IDX_2e062426fac97d10a994c47038"`);
    await queryRunner.query(`DROP INDEX "IDX_896ff7cfbca23a19d4b3d4a3f6"`);
    await queryRunner.query(`ALTER TABLE "filing_orders" RENAME TO "temporary_filing_orders"`);
    await queryRunner.query(
      `CREATE TABLE "filing_orders" ("id" varchar(36) PRIMARY KEY NOT NULL, "owner_id" varchar(36) NOT NULL, "kind" varchar(32) NOT NULL, "subject_type" varchar(16) NOT NULL, "service_type" varchar(16) NOT NULL, "status" varchar(40) NOT NULL, "version" integer NOT NULL, "submitted_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, "subject_index" varchar(64))`,
    );
    await queryRunner.query(
      `INSERT INTO "filing_orders"("id", "owner_id", "kind", "subject_type", "service_type", "status", "version", "submitted_at", "created_at", "updated_at", "subject_index") SELECT "id", "owner_id", "kind", "subject_type", "service_type", "status", "version", "submitted_at", "created_at", "updated_at", "subject_index" FROM "temporary_filing_orders"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_filing_orders"`);
    await queryRunner.query(`CREATE INDEX "IDX_2e062426fac97d10a994c47038" ON "filing_orders" ("owner_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_896ff7cfbca23a19d4b3d4a3f6" ON "filing_orders" ("subject_index", "status") `);
    await queryRunner.query(`DROP INDEX "IDX_da3df9ff8e2b3850e9c9b9c6aa"`);
    await queryRunner.query(`DROP TABLE "filing_versions"`);
    await queryRunner.query(`DROP INDEX "IDX_bfee438e86499e065c515fe845"`);
    await queryRunner.query(`DROP INDEX "IDX_1f05509420bae3226c19a2ad25"`);
    await queryRunner.query(`DROP TABLE "filing_subjects"`);
    await queryRunner.query(`DROP INDEX "IDX_6dbd0c3add92ea4ded0265e2eb"`);
    await queryRunner.query(`DROP TABLE "filing_service_keys"`);
    await queryRunner.query(`DROP INDEX "IDX_22fa606db92818adc7b62e56a3"`);
    await queryRunner.query(`DROP TABLE "filing_services"`);
    await queryRunner.query(`DROP INDEX "IDX_375e1ef9e845403e839ffe7fc4"`);
    await queryRunner.query(`DROP TABLE "filing_access_records"`);
  }
}
