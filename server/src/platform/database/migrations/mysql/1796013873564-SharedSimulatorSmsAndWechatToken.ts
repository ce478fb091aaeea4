import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedSimulatorSmsAndWechatToken1796013873564 implements MigrationInterface {
  name = 'SharedSimulatorSmsAndWechatToken1796013873564';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`wechat_access_tokens\` (\`app_id\` varchar(64) NOT NULL, \`token\` text NOT NULL, \`expires_at\` datetime(3) NOT NULL, PRIMARY KEY (\`app_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`regulator_sim_sms\` (\`id\` int NOT NULL AUTO_INCREMENT, \`mobile_index\` varchar(64) NOT NULL, \`mobile\` text NOT NULL, \`text\` text NOT NULL, \`sent_at\` datetime(3) NOT NULL, INDEX \`IDX_b33180384521d397c3c07d8c61\` (\`mobile_index\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_b33180384521d397c3c07d8c61\` ON \`regulator_sim_sms\``);
    await queryRunner.query(`DROP TABLE \`regulator_sim_sms\``);
    await queryRunner.query(`DROP TABLE \`wechat_access_tokens\``);
  }
}
