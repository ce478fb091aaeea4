import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795375915339 implements MigrationInterface {
  name = 'Initial1795375915339';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sessions" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "expires_at" datetime(3) NOT NULL, "created_at" datetime(3) NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "openid" varchar(64), "unionid" varchar(64), "nickname" varchar(64) NOT NULL, "roles" text NOT NULL, "session_key" text, "is_dev" boolean NOT NULL DEFAULT (0), "created_at" datetime(3) NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_9c98f005249412c8333a3b2c593" UNIQUE ("openid"))`);
    await queryRunner.query(`CREATE TABLE "filing_orders" ("id" varchar(36) PRIMARY KEY NOT NULL, "owner_id" varchar(36) NOT NULL, "kind" varchar(32) NOT NULL, "subject_type" varchar(16) NOT NULL, "service_type" varchar(16) NOT NULL, "status" varchar(40) NOT NULL, "version" integer NOT NULL, "submitted_at" datetime(3), "created_at" datetime(3) NOT NULL DEFAULT (datetime('now')), "updated_at" datetime(3) NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE INDEX "IDX_2e062426fac97d10a994c47038" ON "filing_orders" ("owner_id", "status") `);
    await queryRunner.query(`CREATE TABLE "order_draft_sections" ("order_id" varchar(36) NOT NULL, "section" varchar(32) NOT NULL, "data" text NOT NULL, "updated_at" datetime(3) NOT NULL DEFAULT (datetime('now')), PRIMARY KEY ("order_id", "section"))`);
    await queryRunner.query(`CREATE TABLE "order_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "order_id" varchar(36) NOT NULL, "from_status" varchar(40), "to_status" varchar(40) NOT NULL, "event" varchar(40) NOT NULL, "actor_type" varchar(16) NOT NULL, "actor_id" varchar(36), "reason" text, "created_at" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_3e8ecdec907bbf6d4cceb3ab2a" ON "order_history" ("order_id") `);
    await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(64) NOT NULL, "aggregate_id" varchar(36) NOT NULL, "payload" text NOT NULL, "dedupe_key" varchar(128) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "due_at" datetime(3) NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_592113dbdc26ec3d5e1596db17f" UNIQUE ("dedupe_key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_91fd4c19a202564272c7fa610c" ON "outbox_messages" ("status", "due_at") `);
    await queryRunner.query(`CREATE TABLE "idempotency_records" ("user_id" varchar(36) NOT NULL, "idempotency_key" varchar(64) NOT NULL, "scope" varchar(64) NOT NULL, "request_hash" varchar(64) NOT NULL, "status_code" integer NOT NULL, "response" text NOT NULL, "created_at" datetime(3) NOT NULL, PRIMARY KEY ("user_id", "idempotency_key"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_records"`);
    await queryRunner.query(`DROP INDEX "IDX_91fd4c19a202564272c7fa610c"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP INDEX "IDX_3e8ecdec907bbf6d4cceb3ab2a"`);
    await queryRunner.query(`DROP TABLE "order_history"`);
    await queryRunner.query(`DROP TABLE "order_draft_sections"`);
    await queryRunner.query(`DROP INDEX "IDX_2e062426fac97d10a994c47038"`);
    await queryRunner.query(`DROP TABLE "filing_orders"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "IDX_085d540d9f418cfbdc7bd55bb1"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
  }
}
