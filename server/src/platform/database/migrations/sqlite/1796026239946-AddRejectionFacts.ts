import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRejectionFacts1796026239946 implements MigrationInterface {
  name = 'AddRejectionFacts1796026239946';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rejection_facts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "province" varchar(2), "subject_type" varchar(16) NOT NULL, "nature" varchar(32), "kind" varchar(32) NOT NULL, "service_type" varchar(16) NOT NULL, "field" varchar(120) NOT NULL, "area" varchar(32) NOT NULL, "reason" varchar(500) NOT NULL, "suggestion" varchar(500) NOT NULL, "missed" boolean NOT NULL, "rejected_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_82b0ae2703a047fbc0c292326c" ON "rejection_facts" ("kind", "province", "nature", "rejected_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_62c72b7af72ee397a8cdea6e77" ON "rejection_facts" ("missed", "rejected_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_62c72b7af72ee397a8cdea6e77"`);
    await queryRunner.query(`DROP INDEX "IDX_82b0ae2703a047fbc0c292326c"`);
    await queryRunner.query(`DROP TABLE "rejection_facts"`);
  }
}
