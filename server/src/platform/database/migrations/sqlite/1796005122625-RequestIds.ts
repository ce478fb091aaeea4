import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestIds1796005122625 implements MigrationInterface {
  name = 'RequestIds1796005122625';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_36196b8a5d1db22124548ce130"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(64) NOT NULL, "payload" text NOT NULL, "dedupe_key" varchar(160) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "last_error" text, "due_at" datetime(3) NOT NULL, "locked_by" varchar(64), "locked_until" datetime(3), "created_at" datetime(3) NOT NULL, "finished_at" datetime(3), "request_id" varchar(64), CONSTRAINT "UQ_ce288f50d13f64c22330d2afa7d" UNIQUE ("dedupe_key"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_jobs"("id", "type", "payload", "dedupe_key", "status", "attempts", "last_error", "due_at", "locked_by", "locked_until", "created_at", "finished_at") SELECT "id", "type", "payload", "dedupe_key", "status", "attempts", "last_error", "due_at", "locked_by", "locked_until", "created_at", "finished_at" FROM "jobs"`,
    );
    await queryRunner.query(`DROP TABLE "jobs"`);
    await queryRunner.query(`ALTER TABLE "temporary_jobs" RENAME TO "jobs"`);
    await queryRunner.query(`CREATE INDEX "IDX_36196b8a5d1db22124548ce130" ON "jobs" ("status", "due_at") `);
    await queryRunner.query(`DROP INDEX "IDX_fdf08a0257b2256999b81e0991"`);
    await queryRunner.query(`DROP INDEX "IDX_91fd4c19a202564272c7fa610c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(64) NOT NULL, "aggregate_id" varchar(36) NOT NULL, "payload" text NOT NULL, "dedupe_key" varchar(128) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "last_error" text, "due_at" datetime(3) NOT NULL, "locked_by" varchar(64), "locked_until" datetime(3), "sent_at" datetime(3), "created_at" datetime(3) NOT NULL, "request_id" varchar(64), CONSTRAINT "UQ_592113dbdc26ec3d5e1596db17f" UNIQUE ("dedupe_key"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_outbox_messages"("id", "type", "aggregate_id", "payload", "dedupe_key", "status", "attempts", "last_error", "due_at", "locked_by", "locked_until", "sent_at", "created_at") SELECT "id", "type", "aggregate_id", "payload", "dedupe_key", "status", "attempts", "last_error", "due_at", "locked_by", "locked_until", "sent_at", "created_at" FROM "outbox_messages"`,
    );
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`ALTER TABLE "temporary_outbox_messages" RENAME TO "outbox_messages"`);
    await queryRunner.query(`CREATE INDEX "IDX_fdf08a0257b2256999b81e0991" ON "outbox_messages" ("aggregate_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_91fd4c19a202564272c7fa610c" ON "outbox_messages" ("status", "due_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_91fd4c19a202564272c7fa610c"`);
    await queryRunner.query(`DROP INDEX "IDX_fdf08a0257b2256999b81e0991"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" RENAME TO "temporary_outbox_messages"`);
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(64) NOT NULL, "aggregate_id" varchar(36) NOT NULL, "payload" text NOT NULL, "dedupe_key" varchar(128) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "last_error" text, "due_at" datetime(3) NOT NULL, "locked_by" varchar(64), "locked_until" datetime(3), "sent_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_592113dbdc26ec3d5e1596db17f" UNIQUE ("dedupe_key"))`,
    );
    await queryRunner.query(
      `INSERT INTO "outbox_messages"("id", "type", "aggregate_id", "payload", "dedupe_key", "status", "attempts", "last_error", "due_at", "locked_by", "locked_until", "sent_at", "created_at") SELECT "id", "type", "aggregate_id", "payload", "dedupe_key", "status", "attempts", "last_error", "due_at", "locked_by", "locked_until", "sent_at", "created_at" FROM "temporary_outbox_messages"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_outbox_messages"`);
    await queryRunner.query(`CREATE INDEX "IDX_91fd4c19a202564272c7fa610c" ON "outbox_messages" ("status", "due_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_fdf08a0257b2256999b81e0991" ON "outbox_messages" ("aggregate_id", "status") `);
    await queryRunner.query(`DROP INDEX "IDX_36196b8a5d1db22124548ce130"`);
    await queryRunner.query(`ALTER TABLE "jobs" RENAME TO "temporary_jobs"`);
    await queryRunner.query(
      `CREATE TABLE "jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" varchar(64) NOT NULL, "payload" text NOT NULL, "dedupe_key" varchar(160) NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "last_error" text, "due_at" datetime(3) NOT NULL, "locked_by" varchar(64), "locked_until" datetime(3), "created_at" datetime(3) NOT NULL, "finished_at" datetime(3), CONSTRAINT "UQ_ce288f50d13f64c22330d2afa7d" UNIQUE ("dedupe_key"))`,
    );
    await queryRunner.query(
      `INSERT INTO "jobs"("id", "type", "payload", "dedupe_key", "status", "attempts", "last_error", "due_at", "locked_by", "locked_until", "created_at", "finished_at") SELECT "id", "type", "payload", "dedupe_key", "status", "attempts", "last_error", "due_at", "locked_by", "locked_until", "created_at", "finished_at" FROM "temporary_jobs"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_jobs"`);
    await queryRunner.query(`CREATE INDEX "IDX_36196b8a5d1db22124548ce130" ON "jobs" ("status", "due_at") `);
  }
}
