import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795376652347 implements MigrationInterface {
  name = 'Initial1795376652347';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sessions" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "expires_at" datetime(3) NOT NULL, "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "openid" varchar(64), "unionid" varchar(64), "nickname" varchar(64) NOT NULL, "roles" text NOT NULL, "session_key" text, "is_dev" boolean NOT NULL DEFAULT (0), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_9c98f005249412c8333a3b2c593" UNIQUE ("openid"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "filing_orders" ("id" varchar(36) PRIMARY KEY NOT NULL, "owner_id" varchar(36) NOT NULL, "kind" varchar(32) NOT NULL, "subject_type" varchar(16) NOT NULL, "service_type" varchar(16) NOT NULL, "status" varchar(40) NOT NULL, "version" integer NOT NULL, "submitted_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2e062426fac97d10a994c47038" ON "filing_orders" ("owner_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "order_draft_sections" ("order_id" varchar(36) NOT NULL, "section" varchar(32) NOT NULL, "data" text NOT NULL, "updated_at" datetime(3) NOT NULL, PRIMARY KEY ("order_id", "section"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "order_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "order_id" varchar(36) NOT NULL, "from_status" varchar(40), "to_status" varchar(40) NOT NULL, "event" varchar(40) NOT NULL, "actor_type" varchar(16) NOT NULL, "actor_id" varchar(36), "reason" text, "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3e8ecdec907bbf6d4cceb3ab2a" ON "order_history" ("order_id") `);
    await queryRunner.query(
      `CREATE TABLE "jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(64) NOT NULL, "payload" text NOT NULL, "dedupe_key" varchar(160) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "last_error" text, "due_at" datetime(3) NOT NULL, "locked_by" varchar(64), "locked_until" datetime(3), "created_at" datetime(3) NOT NULL, "finished_at" datetime(3), CONSTRAINT "UQ_ce288f50d13f64c22330d2afa7d" UNIQUE ("dedupe_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_36196b8a5d1db22124548ce130" ON "jobs" ("status", "due_at") `);
    await queryRunner.query(
      `CREATE TABLE "message_deliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "message_id" integer NOT NULL, "channel" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "detail" varchar(255), "updated_at" datetime(3) NOT NULL, CONSTRAINT "UQ_67a35317200636ebfeccca14c5a" UNIQUE ("message_id", "channel"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" varchar(36) NOT NULL, "order_id" varchar(36), "type" varchar(40) NOT NULL, "title" varchar(64) NOT NULL, "body" text NOT NULL, "dedupe_key" varchar(191) NOT NULL, "read_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_9e07c2866e9ed6d1086882bf664" UNIQUE ("dedupe_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ed08bd4c856f82b6973330067d" ON "messages" ("user_id", "read_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_a34bd9207f7fef02f424fad744" ON "messages" ("user_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "subscribe_grants" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" varchar(36) NOT NULL, "template_id" varchar(64) NOT NULL, "result" varchar(8) NOT NULL, "created_at" datetime(3) NOT NULL, "used_at" datetime(3), "used_by_message_id" integer)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2e13dbb2d610e5a5ce42a14650" ON "subscribe_grants" ("user_id", "template_id", "result", "used_at") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(64) NOT NULL, "aggregate_id" varchar(36) NOT NULL, "payload" text NOT NULL, "dedupe_key" varchar(128) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "last_error" text, "due_at" datetime(3) NOT NULL, "locked_by" varchar(64), "locked_until" datetime(3), "sent_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_592113dbdc26ec3d5e1596db17f" UNIQUE ("dedupe_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_91fd4c19a202564272c7fa610c" ON "outbox_messages" ("status", "due_at") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_records" ("user_id" varchar(36) NOT NULL, "idempotency_key" varchar(64) NOT NULL, "scope" varchar(64) NOT NULL, "request_hash" varchar(64) NOT NULL, "status_code" integer NOT NULL, "response" text NOT NULL, "created_at" datetime(3) NOT NULL, PRIMARY KEY ("user_id", "idempotency_key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_records"`);
    await queryRunner.query(`DROP INDEX "IDX_91fd4c19a202564272c7fa610c"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP INDEX "IDX_2e13dbb2d610e5a5ce42a14650"`);
    await queryRunner.query(`DROP TABLE "subscribe_grants"`);
    await queryRunner.query(`DROP INDEX "IDX_a34bd9207f7fef02f424fad744"`);
    await queryRunner.query(`DROP INDEX "IDX_ed08bd4c856f82b6973330067d"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP TABLE "message_deliveries"`);
    await queryRunner.query(`DROP INDEX "IDX_36196b8a5d1db22124548ce130"`);
    await queryRunner.query(`DROP TABLE "jobs"`);
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
