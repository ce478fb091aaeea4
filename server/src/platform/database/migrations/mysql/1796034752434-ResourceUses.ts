import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResourceUses1796034752434 implements MigrationInterface {
  name = 'ResourceUses1796034752434';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`resource_uses\` (\`id\` int NOT NULL AUTO_INCREMENT, \`account_id\` varchar(36) NOT NULL, \`instance_id\` varchar(64) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`service_key\` varchar(270) NOT NULL, \`stage\` varchar(32) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_18c87b3ffa57734873c59667c0\` (\`order_id\`), INDEX \`IDX_cbd44d9aef90828412cc48b759\` (\`account_id\`, \`instance_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`resource_quota_locks\` (\`account_id\` varchar(36) NOT NULL, \`instance_id\` varchar(64) NOT NULL, \`touched\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`account_id\`, \`instance_id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`resource_quota_locks\``);
    await queryRunner.query(`DROP INDEX \`IDX_cbd44d9aef90828412cc48b759\` ON \`resource_uses\``);
    await queryRunner.query(`DROP INDEX \`IDX_18c87b3ffa57734873c59667c0\` ON \`resource_uses\``);
    await queryRunner.query(`DROP TABLE \`resource_uses\``);
  }
}
