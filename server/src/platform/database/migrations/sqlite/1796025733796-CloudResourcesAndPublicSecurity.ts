import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CloudResourcesAndPublicSecurity1796025733796 implements MigrationInterface {
  name = 'CloudResourcesAndPublicSecurity1796025733796';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "public_security_consents" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "order_id" varchar(36) NOT NULL, "actor_id" varchar(36) NOT NULL, "choice" varchar(8) NOT NULL, "consent_text" text NOT NULL, "decided_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7a4526f7c74703b82ee2510b44" ON "public_security_consents" ("order_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "public_security_data_codes" ("order_id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(64), "issued_at" datetime(3) NOT NULL, "expires_at" datetime(3))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sim_cloud_resources" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "account_id" varchar(36) NOT NULL, "instance_id" varchar(64) NOT NULL, "type" varchar(16) NOT NULL, "region" varchar(32) NOT NULL, "public_ip" varchar(15), "billing_mode" varchar(16) NOT NULL, "term_months" integer NOT NULL, "expires_at" datetime(3) NOT NULL, "bound_instance_id" varchar(64), "filed_services" integer NOT NULL DEFAULT (0), "refunded_at" datetime(3), "updated_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cc5e0348e4b0eeb0ad88d4e4b1" ON "sim_cloud_resources" ("account_id", "instance_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_cc5e0348e4b0eeb0ad88d4e4b1"`);
    await queryRunner.query(`DROP TABLE "sim_cloud_resources"`);
    await queryRunner.query(`DROP TABLE "public_security_data_codes"`);
    await queryRunner.query(`DROP INDEX "IDX_7a4526f7c74703b82ee2510b44"`);
    await queryRunner.query(`DROP TABLE "public_security_consents"`);
  }
}
