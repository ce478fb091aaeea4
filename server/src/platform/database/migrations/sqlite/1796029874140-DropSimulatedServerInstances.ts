import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Written by hand: the generator never drops a table no entity names (codes now read the resources inventory). */
export class DropSimulatedServerInstances1796029874140 implements MigrationInterface {
  name = 'DropSimulatedServerInstances1796029874140';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_11410fba606c059d7291eadde8"`);
    await queryRunner.query(`DROP TABLE "simulated_server_instances"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "simulated_server_instances" ("instance_id" varchar(64) PRIMARY KEY NOT NULL, "owner_user_id" varchar(36) NOT NULL, "public_ip" varchar(45) NOT NULL, "refunded_at" datetime(3), "created_at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_11410fba606c059d7291eadde8" ON "simulated_server_instances" ("owner_user_id") `);
  }
}
