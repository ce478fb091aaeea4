import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewClaims1795384298217 implements MigrationInterface {
  name = 'ReviewClaims1795384298217';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_claims" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "order_id" varchar(36) NOT NULL, "reviewer_id" varchar(36) NOT NULL, "claimed_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f95a58ffecb1d69b9aa24b06d7" ON "review_claims" ("order_id", "claimed_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f95a58ffecb1d69b9aa24b06d7"`);
    await queryRunner.query(`DROP TABLE "review_claims"`);
  }
}
