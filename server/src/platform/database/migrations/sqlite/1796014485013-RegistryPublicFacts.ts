import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistryPublicFacts1796014485013 implements MigrationInterface {
  name = 'RegistryPublicFacts1796014485013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ab2e4eaad1328b2006c1f1e72c"`);
    await queryRunner.query(`DROP INDEX "IDX_409b5560cd4d2f3be5a9b5eda3"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_registry_sim_filings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_index" varchar(64) NOT NULL, "subject_icp_number" varchar(40) NOT NULL, "service_key" varchar(270), "service_icp_number" varchar(40), "provider" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL, "subject_name" varchar(128) NOT NULL DEFAULT (''), "subject_nature" varchar(32) NOT NULL DEFAULT ('enterprise'), "service_name" varchar(128))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_registry_sim_filings"("id", "subject_index", "subject_icp_number", "service_key", "service_icp_number", "provider", "created_at") SELECT "id", "subject_index", "subject_icp_number", "service_key", "service_icp_number", "provider", "created_at" FROM "registry_sim_filings"`,
    );
    await queryRunner.query(`DROP TABLE "registry_sim_filings"`);
    await queryRunner.query(`ALTER TABLE "temporary_registry_sim_filings" RENAME TO "registry_sim_filings"`);
    await queryRunner.query(`CREATE INDEX "IDX_ab2e4eaad1328b2006c1f1e72c" ON "registry_sim_filings" ("subject_index") `);
    await queryRunner.query(`CREATE INDEX "IDX_409b5560cd4d2f3be5a9b5eda3" ON "registry_sim_filings" ("service_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_133b4adb02cdc1ce75dc4b664a" ON "registry_sim_filings" ("subject_icp_number") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_133b4adb02cdc1ce75dc4b664a"`);
    await queryRunner.query(`DROP INDEX "IDX_409b5560cd4d2f3be5a9b5eda3"`);
    await queryRunner.query(`DROP INDEX "IDX_ab2e4eaad1328b2006c1f1e72c"`);
    await queryRunner.query(`ALTER TABLE "registry_sim_filings" RENAME TO "temporary_registry_sim_filings"`);
    await queryRunner.query(
      `CREATE TABLE "registry_sim_filings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "subject_index" varchar(64) NOT NULL, "subject_icp_number" varchar(40) NOT NULL, "service_key" varchar(270), "service_icp_number" varchar(40), "provider" varchar(64) NOT NULL, "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "registry_sim_filings"("id", "subject_index", "subject_icp_number", "service_key", "service_icp_number", "provider", "created_at") SELECT "id", "subject_index", "subject_icp_number", "service_key", "service_icp_number", "provider", "created_at" FROM "temporary_registry_sim_filings"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_registry_sim_filings"`);
    await queryRunner.query(`CREATE INDEX "IDX_409b5560cd4d2f3be5a9b5eda3" ON "registry_sim_filings" ("service_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_ab2e4eaad1328b2006c1f1e72c" ON "registry_sim_filings" ("subject_index") `);
  }
}
