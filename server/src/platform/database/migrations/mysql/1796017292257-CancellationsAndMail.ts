import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CancellationsAndMail1796017292257 implements MigrationInterface {
  name = 'CancellationsAndMail1796017292257';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`dev_mail_messages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`address_index\` varchar(64) NOT NULL, \`address\` text NOT NULL, \`subject\` varchar(200) NOT NULL, \`content\` text NOT NULL, \`code\` varchar(16) NULL, \`sent_at\` datetime(3) NOT NULL, INDEX \`IDX_b840c075226a5b6f4ad10b23a6\` (\`address_index\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`verification_codes\` (\`id\` varchar(36) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`channel\` varchar(8) NOT NULL, \`address_index\` varchar(64) NOT NULL, \`account_id\` varchar(36) NOT NULL, \`code_hash\` varchar(64) NOT NULL, \`attempts\` int NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`verified_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_ff67064b817bbffe4a19c6d371\` (\`order_id\`, \`created_at\`), INDEX \`IDX_69c7826ca4e04803e5ea321de9\` (\`account_id\`, \`created_at\`), INDEX \`IDX_2d2018d68534309d0e086f070f\` (\`address_index\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_2d2018d68534309d0e086f070f\` ON \`verification_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_69c7826ca4e04803e5ea321de9\` ON \`verification_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_ff67064b817bbffe4a19c6d371\` ON \`verification_codes\``);
    await queryRunner.query(`DROP TABLE \`verification_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_b840c075226a5b6f4ad10b23a6\` ON \`dev_mail_messages\``);
    await queryRunner.query(`DROP TABLE \`dev_mail_messages\``);
  }
}
