import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795375915368 implements MigrationInterface {
  name = 'Initial1795375915368';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`sessions\` (\`token_hash\` varchar(64) NOT NULL, \`user_id\` varchar(36) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_085d540d9f418cfbdc7bd55bb1\` (\`user_id\`), PRIMARY KEY (\`token_hash\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`users\` (\`id\` varchar(36) NOT NULL, \`openid\` varchar(64) NULL, \`unionid\` varchar(64) NULL, \`nickname\` varchar(64) NOT NULL, \`roles\` text NOT NULL, \`session_key\` text NULL, \`is_dev\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_9c98f005249412c8333a3b2c59\` (\`openid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`filing_orders\` (\`id\` varchar(36) NOT NULL, \`owner_id\` varchar(36) NOT NULL, \`kind\` varchar(32) NOT NULL, \`subject_type\` varchar(16) NOT NULL, \`service_type\` varchar(16) NOT NULL, \`status\` varchar(40) NOT NULL, \`version\` int NOT NULL, \`submitted_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_2e062426fac97d10a994c47038\` (\`owner_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`order_draft_sections\` (\`order_id\` varchar(36) NOT NULL, \`section\` varchar(32) NOT NULL, \`data\` text NOT NULL, \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`order_id\`, \`section\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`order_history\` (\`id\` int NOT NULL AUTO_INCREMENT, \`order_id\` varchar(36) NOT NULL, \`from_status\` varchar(40) NULL, \`to_status\` varchar(40) NOT NULL, \`event\` varchar(40) NOT NULL, \`actor_type\` varchar(16) NOT NULL, \`actor_id\` varchar(36) NULL, \`reason\` text NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_3e8ecdec907bbf6d4cceb3ab2a\` (\`order_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`outbox_messages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`type\` varchar(64) NOT NULL, \`aggregate_id\` varchar(36) NOT NULL, \`payload\` text NOT NULL, \`dedupe_key\` varchar(128) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'pending', \`attempts\` int NOT NULL DEFAULT '0', \`due_at\` datetime(3) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_91fd4c19a202564272c7fa610c\` (\`status\`, \`due_at\`), UNIQUE INDEX \`IDX_592113dbdc26ec3d5e1596db17\` (\`dedupe_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`idempotency_records\` (\`user_id\` varchar(36) NOT NULL, \`idempotency_key\` varchar(64) NOT NULL, \`scope\` varchar(64) NOT NULL, \`request_hash\` varchar(64) NOT NULL, \`status_code\` int NOT NULL, \`response\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, PRIMARY KEY (\`user_id\`, \`idempotency_key\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`idempotency_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_592113dbdc26ec3d5e1596db17\` ON \`outbox_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_91fd4c19a202564272c7fa610c\` ON \`outbox_messages\``);
    await queryRunner.query(`DROP TABLE \`outbox_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_3e8ecdec907bbf6d4cceb3ab2a\` ON \`order_history\``);
    await queryRunner.query(`DROP TABLE \`order_history\``);
    await queryRunner.query(`DROP TABLE \`order_draft_sections\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e062426fac97d10a994c47038\` ON \`filing_orders\``);
    await queryRunner.query(`DROP TABLE \`filing_orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_9c98f005249412c8333a3b2c59\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
    await queryRunner.query(`DROP INDEX \`IDX_085d540d9f418cfbdc7bd55bb1\` ON \`sessions\``);
    await queryRunner.query(`DROP TABLE \`sessions\``);
  }
}
