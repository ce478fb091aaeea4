import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CancellationsAndMail1796017284274 implements MigrationInterface {
  name = 'CancellationsAndMail1796017284274';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dev_mail_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "address_index" varchar(64) NOT NULL, "address" text NOT NULL, "subject" varchar(200) NOT NULL, "content" text NOT NULL, "code" varchar(16), "sent_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b840c075226a5b6f4ad10b23a6" ON "dev_mail_messages" ("address_index") `);
    await queryRunner.query(
      `CREATE TABLE "verification_codes" ("id" varchar(36) PRIMARY KEY NOT NULL, "order_id" varchar(36) NOT NULL, "channel" varchar(8) NOT NULL, "address_index" varchar(64) NOT NULL, "account_id" varchar(36) NOT NULL, "code_hash" varchar(64) NOT NULL, "attempts" integer NOT NULL, "expires_at" datetime(3) NOT NULL, "verified_at" datetime(3), "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ff67064b817bbffe4a19c6d371" ON "verification_codes" ("order_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_69c7826ca4e04803e5ea321de9" ON "verification_codes" ("account_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_2d2018d68534309d0e086f070f" ON "verification_codes" ("address_index", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2d2018d68534309d0e086f070f"`);
    await queryRunner.query(`DROP INDEX "IDX_69c7826ca4e04803e5ea321de9"`);
    await queryRunner.query(`DROP INDEX "IDX_ff67064b817bbffe4a19c6d371"`);
    await queryRunner.query(`DROP TABLE "verification_codes"`);
    await queryRunner.query(`DROP INDEX "IDX_b840c075226a5b6f4ad10b23a6"`);
    await queryRunner.query(`DROP TABLE "dev_mail_messages"`);
  }
}
