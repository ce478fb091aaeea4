import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMaterialsSmsPrincipals1795377335174 implements MigrationInterface {
  name = 'AddMaterialsSmsPrincipals1795377335174';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "uploads" ("id" varchar(36) PRIMARY KEY NOT NULL, "order_id" varchar(36) NOT NULL, "uploader_id" varchar(36) NOT NULL, "kind" varchar(32) NOT NULL, "target" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, "content_type" varchar(40) NOT NULL, "size" integer NOT NULL, "storage_key" varchar(200) NOT NULL, "thumbnail_key" varchar(200), "width" integer, "height" integer, "duration_ms" integer, "expires_at" datetime(3) NOT NULL, "created_at" datetime(3) NOT NULL, "confirmed_at" datetime(3))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_66acccec72965b66689b8e44de" ON "uploads" ("status", "expires_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_a3add1a10e4c0b27ae2c359a07" ON "uploads" ("order_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "dev_sms_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mobile_index" varchar(64) NOT NULL, "mobile" text NOT NULL, "content" text NOT NULL, "code" varchar(16), "sent_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b9409f75fa9c6441fa5121e05a" ON "dev_sms_messages" ("mobile_index") `);
    await queryRunner.query(
      `CREATE TABLE "mobile_verifications" ("id" varchar(36) PRIMARY KEY NOT NULL, "order_id" varchar(36) NOT NULL, "mobile_index" varchar(64) NOT NULL, "mobile" text NOT NULL, "path" varchar(64) NOT NULL, "account_id" varchar(36) NOT NULL, "verified_at" datetime(3) NOT NULL, CONSTRAINT "UQ_70dd85bbe4609e55f3756318a60" UNIQUE ("order_id", "mobile_index"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sms_codes" ("id" varchar(36) PRIMARY KEY NOT NULL, "mobile_index" varchar(64) NOT NULL, "account_id" varchar(36) NOT NULL, "purpose" varchar(32) NOT NULL, "code_hash" varchar(64) NOT NULL, "attempts" integer NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_be69a7fc18a62db9a37f755bcf" ON "sms_codes" ("account_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f509fed1ce739e91d0647f10b7" ON "sms_codes" ("mobile_index", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "biometric_consents" ("id" varchar(36) PRIMARY KEY NOT NULL, "order_id" varchar(36) NOT NULL, "certificate_index" varchar(64) NOT NULL, "account_id" varchar(36) NOT NULL, "version" varchar(32) NOT NULL, "consented_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_708489decf46f347b2aaeed5d6" ON "biometric_consents" ("order_id", "certificate_index") `);
    await queryRunner.query(
      `CREATE TABLE "face_checks" ("id" varchar(36) PRIMARY KEY NOT NULL, "order_id" varchar(36) NOT NULL, "certificate_index" varchar(64) NOT NULL, "path" varchar(64) NOT NULL, "status" varchar(40), "challenge_id" varchar(36), "challenge_digits" text, "challenge_expires_at" datetime(3), "video_file_id" varchar(36), "photo_file_id" varchar(36), "performed_by" varchar(36), "reason" varchar(200), "verifier_ref" varchar(80), "score" float, "reviewer_id" varchar(36), "reviewed_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, CONSTRAINT "UQ_4ef2e0cb6a135b4a7c3417578e8" UNIQUE ("order_id", "certificate_index"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "principal_invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "order_id" varchar(36) NOT NULL, "path" varchar(64) NOT NULL, "token_hash" varchar(64) NOT NULL, "certificate_index" varchar(64) NOT NULL, "created_by" varchar(36) NOT NULL, "accepted_by" varchar(36), "accepted_at" datetime(3), "revoked_at" datetime(3), "expires_at" datetime(3) NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_3adde920ceb1b47db167b59bedf" UNIQUE ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4ea7453d0c6ce852b1fee44b58" ON "principal_invitations" ("order_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_4ea7453d0c6ce852b1fee44b58"`);
    await queryRunner.query(`DROP TABLE "principal_invitations"`);
    await queryRunner.query(`DROP TABLE "face_checks"`);
    await queryRunner.query(`DROP INDEX "IDX_708489decf46f347b2aaeed5d6"`);
    await queryRunner.query(`DROP TABLE "biometric_consents"`);
    await queryRunner.query(`DROP INDEX "IDX_f509fed1ce739e91d0647f10b7"`);
    await queryRunner.query(`DROP INDEX "IDX_be69a7fc18a62db9a37f755bcf"`);
    await queryRunner.query(`DROP TABLE "sms_codes"`);
    await queryRunner.query(`DROP TABLE "mobile_verifications"`);
    await queryRunner.query(`DROP INDEX "IDX_b9409f75fa9c6441fa5121e05a"`);
    await queryRunner.query(`DROP TABLE "dev_sms_messages"`);
    await queryRunner.query(`DROP INDEX "IDX_a3add1a10e4c0b27ae2c359a07"`);
    await queryRunner.query(`DROP INDEX "IDX_66acccec72965b66689b8e44de"`);
    await queryRunner.query(`DROP TABLE "uploads"`);
  }
}
