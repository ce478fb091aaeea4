import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxAggregateOrder1795380258977 implements MigrationInterface {
  name = 'OutboxAggregateOrder1795380258977';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "registry_sim_filings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_index" varchar(64) NOT NULL, "subject_icp_number" varchar(40) NOT NULL, "service_key" varchar(270), "service_icp_number" varchar(40), "provider" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_409b5560cd4d2f3be5a9b5eda3" ON "registry_sim_filings" ("service_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_ab2e4eaad1328b2006c1f1e72c" ON "registry_sim_filings" ("subject_index") `);
    await queryRunner.query(`DROP INDEX "IDX_2e062426fac97d10a994c47038"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_filing_orders" ("id" varchar(36) PRIMARY KEY NOT NULL, "owner_id" varchar(36) NOT NULL, "kind" varchar(32) NOT NULL, "subject_type" varchar(16) NOT NULL, "service_type" varchar(16) NOT NULL, "status" varchar(40) NOT NULL, "version" integer NOT NULL, "submitted_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, "subject_index" varchar(64))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_filing_orders"("id", "owner_id", "kind", "subject_type", "service_type", "status", "version", "submitted_at", "created_at", "updated_at") SELECT "id", "owner_id", "kind", "subject_type", "service_type", "status", "version", "submitted_at", "created_at", "updated_at" FROM "filing_orders"`,
    );
    await queryRunner.query(`DROP TABLE "filing_orders"`);
    await queryRunner.query(`ALTER TABLE "temporary_filing_orders" RENAME TO "filing_orders"`);
    await queryRunner.query(`CREATE INDEX "IDX_2e062426fac97d10a994c47038" ON "filing_orders" ("owner_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_896ff7cfbca23a19d4b3d4a3f6" ON "filing_orders" ("subject_index", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_fdf08a0257b2256999b81e0991" ON "outbox_messages" ("aggregate_id", "status") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_fdf08a0257b2256999b81e0991"`);
    await queryRunner.query(`DROP INDEX "IDX_896ff7cfbca23a19d4b3d4a3f6"`);
    await queryRunner.query(`DROP INDEX "IDX_2e062426fac97d10a994c47038"`);
    await queryRunner.query(`ALTER TABLE "filing_orders" RENAME TO "temporary_filing_orders"`);
    await queryRunner.query(
      `CREATE TABLE "filing_orders" ("id" varchar(36) PRIMARY KEY NOT NULL, "owner_id" varchar(36) NOT NULL, "kind" varchar(32) NOT NULL, "subject_type" varchar(16) NOT NULL, "service_type" varchar(16) NOT NULL, "status" varchar(40) NOT NULL, "version" integer NOT NULL, "submitted_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "filing_orders"("id", "owner_id", "kind", "subject_type", "service_type", "status", "version", "submitted_at", "created_at", "updated_at") SELECT "id", "owner_id", "kind", "subject_type", "service_type", "status", "version", "submitted_at", "created_at", "updated_at" FROM "temporary_filing_orders"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_filing_orders"`);
    await queryRunner.query(`CREATE INDEX "IDX_2e062426fac97d10a994c47038" ON "filing_orders" ("owner_id", "status") `);
    await queryRunner.query(`DROP INDEX "IDX_ab2e4eaad1328b2006c1f1e72c"`);
    await queryRunner.query(`DROP INDEX "IDX_409b5560cd4d2f3be5a9b5eda3"`);
    await queryRunner.query(`DROP TABLE "registry_sim_filings"`);
  }
}
