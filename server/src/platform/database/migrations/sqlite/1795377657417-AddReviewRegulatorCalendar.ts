import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReviewRegulatorCalendar1795377657417 implements MigrationInterface {
  name = 'AddReviewRegulatorCalendar1795377657417';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_id" varchar(36) NOT NULL, "action" varchar(32) NOT NULL, "order_id" varchar(36) NOT NULL, "target" varchar(240) NOT NULL, "reason" varchar(200) NOT NULL, "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a47030eea9dde0b3ec8d57762f" ON "audit_log" ("order_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "calendar_days" ("date" varchar(10) PRIMARY KEY NOT NULL, "kind" varchar(8) NOT NULL, "source" varchar(80) NOT NULL, "note" varchar(100), "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "icp_numbers" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(40) NOT NULL, "order_id" varchar(36) NOT NULL, "kind" varchar(8) NOT NULL, "position" integer NOT NULL, "issued_at" datetime(3) NOT NULL, CONSTRAINT "UQ_81a89b05d091055adf449af1998" UNIQUE ("number"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d8122c272ac56d17b4a8e94561" ON "icp_numbers" ("order_id") `);
    await queryRunner.query(
      `CREATE TABLE "icp_serials" ("abbr" varchar(4) NOT NULL, "year" integer NOT NULL, "last_serial" integer NOT NULL, PRIMARY KEY ("abbr", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "regulator_sim_scripts" ("order_id" varchar(36) PRIMARY KEY NOT NULL, "outcome" varchar(8) NOT NULL, "after_working_days" integer NOT NULL, "reasons" text NOT NULL, "updated_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "sms_verifications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "order_id" varchar(36) NOT NULL, "submission_id" varchar(20) NOT NULL, "mobile_index" varchar(64) NOT NULL, "mobile" text NOT NULL, "roles" text NOT NULL, "cert_last_six" text NOT NULL, "code" text NOT NULL, "status" varchar(12) NOT NULL, "wrong_attempts" integer NOT NULL, "resent" boolean NOT NULL, "sent_at" datetime(3) NOT NULL, "expires_at" datetime(3) NOT NULL, "verified_at" datetime(3), "updated_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_feddd109e8b6a148556d275a98" ON "sms_verifications" ("mobile_index", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_ab7a25984931d6ee4a80a11bed" ON "sms_verifications" ("order_id", "submission_id") `);
    await queryRunner.query(
      `CREATE TABLE "review_calls" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "order_id" varchar(36) NOT NULL, "reviewer_id" varchar(36) NOT NULL, "outcome" varchar(16) NOT NULL, "note" varchar(500), "called_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d9cd174b8c580d6cfe9a337e3b" ON "review_calls" ("order_id", "called_at") `);
    await queryRunner.query(
      `CREATE TABLE "review_decisions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "order_id" varchar(36) NOT NULL, "reviewer_id" varchar(36) NOT NULL, "decision" varchar(8) NOT NULL, "reasons" text NOT NULL, "snapshot" text NOT NULL, "reopened_paths" text NOT NULL, "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7143b1ad6b84420e841d529687" ON "review_decisions" ("order_id", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_7143b1ad6b84420e841d529687"`);
    await queryRunner.query(`DROP TABLE "review_decisions"`);
    await queryRunner.query(`DROP INDEX "IDX_d9cd174b8c580d6cfe9a337e3b"`);
    await queryRunner.query(`DROP TABLE "review_calls"`);
    await queryRunner.query(`DROP INDEX "IDX_ab7a25984931d6ee4a80a11bed"`);
    await queryRunner.query(`DROP INDEX "IDX_feddd109e8b6a148556d275a98"`);
    await queryRunner.query(`DROP TABLE "sms_verifications"`);
    await queryRunner.query(`DROP TABLE "regulator_sim_scripts"`);
    await queryRunner.query(`DROP TABLE "icp_serials"`);
    await queryRunner.query(`DROP INDEX "IDX_d8122c272ac56d17b4a8e94561"`);
    await queryRunner.query(`DROP TABLE "icp_numbers"`);
    await queryRunner.query(`DROP TABLE "calendar_days"`);
    await queryRunner.query(`DROP INDEX "IDX_a47030eea9dde0b3ec8d57762f"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
