import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795376652376 implements MigrationInterface {
  name = 'Initial1795376652376';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`sessions\` (\`token_hash\` varchar(64) NOT NULL, \`user_id\` varchar(36) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_085d540d9f418cfbdc7bd55bb1\` (\`user_id\`), PRIMARY KEY (\`token_hash\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`users\` (\`id\` varchar(36) NOT NULL, \`openid\` varchar(64) NULL, \`unionid\` varchar(64) NULL, \`nickname\` varchar(64) NOT NULL, \`roles\` text NOT NULL, \`session_key\` text NULL, \`is_dev\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_9c98f005249412c8333a3b2c59\` (\`openid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`filing_orders\` (\`id\` varchar(36) NOT NULL, \`owner_id\` varchar(36) NOT NULL, \`kind\` varchar(32) NOT NULL, \`subject_type\` varchar(16) NOT NULL, \`service_type\` varchar(16) NOT NULL, \`status\` varchar(40) NOT NULL, \`version\` int NOT NULL, \`submitted_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_2e062426fac97d10a994c47038\` (\`owner_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`order_draft_sections\` (\`order_id\` varchar(36) NOT NULL, \`section\` varchar(32) NOT NULL, \`data\` text NOT NULL, \`updated_at\` datetime(3) NOT NULL, PRIMARY KEY (\`order_id\`, \`section\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`order_history\` (\`id\` int NOT NULL AUTO_INCREMENT, \`order_id\` varchar(36) NOT NULL, \`from_status\` varchar(40) NULL, \`to_status\` varchar(40) NOT NULL, \`event\` varchar(40) NOT NULL, \`actor_type\` varchar(16) NOT NULL, \`actor_id\` varchar(36) NULL, \`reason\` text NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_3e8ecdec907bbf6d4cceb3ab2a\` (\`order_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`jobs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`type\` varchar(64) NOT NULL, \`payload\` text NOT NULL, \`dedupe_key\` varchar(160) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'pending', \`attempts\` int NOT NULL DEFAULT '0', \`last_error\` text NULL, \`due_at\` datetime(3) NOT NULL, \`locked_by\` varchar(64) NULL, \`locked_until\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`finished_at\` datetime(3) NULL, INDEX \`IDX_36196b8a5d1db22124548ce130\` (\`status\`, \`due_at\`), UNIQUE INDEX \`IDX_ce288f50d13f64c22330d2afa7\` (\`dedupe_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`message_deliveries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`message_id\` int NOT NULL, \`channel\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`detail\` varchar(255) NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_67a35317200636ebfeccca14c5\` (\`message_id\`, \`channel\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`messages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` varchar(36) NOT NULL, \`order_id\` varchar(36) NULL, \`type\` varchar(40) NOT NULL, \`title\` varchar(64) NOT NULL, \`body\` text NOT NULL, \`dedupe_key\` varchar(191) NOT NULL, \`read_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_ed08bd4c856f82b6973330067d\` (\`user_id\`, \`read_at\`), INDEX \`IDX_a34bd9207f7fef02f424fad744\` (\`user_id\`, \`id\`), UNIQUE INDEX \`IDX_9e07c2866e9ed6d1086882bf66\` (\`dedupe_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`subscribe_grants\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` varchar(36) NOT NULL, \`template_id\` varchar(64) NOT NULL, \`result\` varchar(8) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`used_at\` datetime(3) NULL, \`used_by_message_id\` int NULL, INDEX \`IDX_2e13dbb2d610e5a5ce42a14650\` (\`user_id\`, \`template_id\`, \`result\`, \`used_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`outbox_messages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`type\` varchar(64) NOT NULL, \`aggregate_id\` varchar(36) NOT NULL, \`payload\` text NOT NULL, \`dedupe_key\` varchar(128) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'pending', \`attempts\` int NOT NULL DEFAULT '0', \`last_error\` text NULL, \`due_at\` datetime(3) NOT NULL, \`locked_by\` varchar(64) NULL, \`locked_until\` datetime(3) NULL, \`sent_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_91fd4c19a202564272c7fa610c\` (\`status\`, \`due_at\`), UNIQUE INDEX \`IDX_592113dbdc26ec3d5e1596db17\` (\`dedupe_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`idempotency_records\` (\`user_id\` varchar(36) NOT NULL, \`idempotency_key\` varchar(64) NOT NULL, \`scope\` varchar(64) NOT NULL, \`request_hash\` varchar(64) NOT NULL, \`status_code\` int NOT NULL, \`response\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, PRIMARY KEY (\`user_id\`, \`idempotency_key\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`idempotency_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_592113dbdc26ec3d5e1596db17\` ON \`outbox_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_91fd4c19a202564272c7fa610c\` ON \`outbox_messages\``);
    await queryRunner.query(`DROP TABLE \`outbox_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e13dbb2d610e5a5ce42a14650\` ON \`subscribe_grants\``);
    await queryRunner.query(`DROP TABLE \`subscribe_grants\``);
    await queryRunner.query(`DROP INDEX \`IDX_9e07c2866e9ed6d1086882bf66\` ON \`messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_a34bd9207f7fef02f424fad744\` ON \`messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_ed08bd4c856f82b6973330067d\` ON \`messages\``);
    await queryRunner.query(`DROP TABLE \`messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_67a35317200636ebfeccca14c5\` ON \`message_deliveries\``);
    await queryRunner.query(`DROP TABLE \`message_deliveries\``);
    await queryRunner.query(`DROP INDEX \`IDX_ce288f50d13f64c22330d2afa7\` ON \`jobs\``);
    await queryRunner.query(`DROP INDEX \`IDX_36196b8a5d1db22124548ce130\` ON \`jobs\``);
    await queryRunner.query(`DROP TABLE \`jobs\``);
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
