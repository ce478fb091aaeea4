import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReviewRegulatorCalendar1795377657487 implements MigrationInterface {
  name = 'AddReviewRegulatorCalendar1795377657487';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_log\` (\`id\` int NOT NULL AUTO_INCREMENT, \`actor_id\` varchar(36) NOT NULL, \`action\` varchar(32) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`target\` varchar(240) NOT NULL, \`reason\` varchar(200) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_a47030eea9dde0b3ec8d57762f\` (\`order_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`calendar_days\` (\`date\` varchar(10) NOT NULL, \`kind\` varchar(8) NOT NULL, \`source\` varchar(80) NOT NULL, \`note\` varchar(100) NULL, \`created_at\` datetime(3) NOT NULL, PRIMARY KEY (\`date\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`icp_numbers\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`kind\` varchar(8) NOT NULL, \`position\` int NOT NULL, \`issued_at\` datetime(3) NOT NULL, INDEX \`IDX_d8122c272ac56d17b4a8e94561\` (\`order_id\`), UNIQUE INDEX \`IDX_81a89b05d091055adf449af199\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`icp_serials\` (\`abbr\` varchar(4) NOT NULL, \`year\` int NOT NULL, \`last_serial\` int NOT NULL, PRIMARY KEY (\`abbr\`, \`year\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`regulator_sim_scripts\` (\`order_id\` varchar(36) NOT NULL, \`outcome\` varchar(8) NOT NULL, \`after_working_days\` int NOT NULL, \`reasons\` text NOT NULL, \`updated_at\` datetime(3) NOT NULL, PRIMARY KEY (\`order_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`sms_verifications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`order_id\` varchar(36) NOT NULL, \`submission_id\` varchar(20) NOT NULL, \`mobile_index\` varchar(64) NOT NULL, \`mobile\` text NOT NULL, \`roles\` text NOT NULL, \`cert_last_six\` text NOT NULL, \`code\` text NOT NULL, \`status\` varchar(12) NOT NULL, \`wrong_attempts\` int NOT NULL, \`resent\` tinyint NOT NULL, \`sent_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`verified_at\` datetime(3) NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_feddd109e8b6a148556d275a98\` (\`mobile_index\`, \`status\`), INDEX \`IDX_ab7a25984931d6ee4a80a11bed\` (\`order_id\`, \`submission_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`review_calls\` (\`id\` int NOT NULL AUTO_INCREMENT, \`order_id\` varchar(36) NOT NULL, \`reviewer_id\` varchar(36) NOT NULL, \`outcome\` varchar(16) NOT NULL, \`note\` varchar(500) NULL, \`called_at\` datetime(3) NOT NULL, INDEX \`IDX_d9cd174b8c580d6cfe9a337e3b\` (\`order_id\`, \`called_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`review_decisions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`order_id\` varchar(36) NOT NULL, \`reviewer_id\` varchar(36) NOT NULL, \`decision\` varchar(8) NOT NULL, \`reasons\` text NOT NULL, \`snapshot\` text NOT NULL, \`reopened_paths\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_7143b1ad6b84420e841d529687\` (\`order_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_7143b1ad6b84420e841d529687\` ON \`review_decisions\``);
    await queryRunner.query(`DROP TABLE \`review_decisions\``);
    await queryRunner.query(`DROP INDEX \`IDX_d9cd174b8c580d6cfe9a337e3b\` ON \`review_calls\``);
    await queryRunner.query(`DROP TABLE \`review_calls\``);
    await queryRunner.query(`DROP INDEX \`IDX_ab7a25984931d6ee4a80a11bed\` ON \`sms_verifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_feddd109e8b6a148556d275a98\` ON \`sms_verifications\``);
    await queryRunner.query(`DROP TABLE \`sms_verifications\``);
    await queryRunner.query(`DROP TABLE \`regulator_sim_scripts\``);
    await queryRunner.query(`DROP TABLE \`icp_serials\``);
    await queryRunner.query(`DROP INDEX \`IDX_81a89b05d091055adf449af199\` ON \`icp_numbers\``);
    await queryRunner.query(`DROP INDEX \`IDX_d8122c272ac56d17b4a8e94561\` ON \`icp_numbers\``);
    await queryRunner.query(`DROP TABLE \`icp_numbers\``);
    await queryRunner.query(`DROP TABLE \`calendar_days\``);
    await queryRunner.query(`DROP INDEX \`IDX_a47030eea9dde0b3ec8d57762f\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
  }
}
