import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMaterialsSmsPrincipals1795377335240 implements MigrationInterface {
  name = 'AddMaterialsSmsPrincipals1795377335240';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`uploads\` (\`id\` varchar(36) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`uploader_id\` varchar(36) NOT NULL, \`kind\` varchar(32) NOT NULL, \`target\` varchar(64) NOT NULL, \`status\` varchar(16) NOT NULL, \`content_type\` varchar(40) NOT NULL, \`size\` int NOT NULL, \`storage_key\` varchar(200) NOT NULL, \`thumbnail_key\` varchar(200) NULL, \`width\` int NULL, \`height\` int NULL, \`duration_ms\` int NULL, \`expires_at\` datetime(3) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`confirmed_at\` datetime(3) NULL, INDEX \`IDX_66acccec72965b66689b8e44de\` (\`status\`, \`expires_at\`), INDEX \`IDX_a3add1a10e4c0b27ae2c359a07\` (\`order_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`dev_sms_messages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`mobile_index\` varchar(64) NOT NULL, \`mobile\` text NOT NULL, \`content\` text NOT NULL, \`code\` varchar(16) NULL, \`sent_at\` datetime(3) NOT NULL, INDEX \`IDX_b9409f75fa9c6441fa5121e05a\` (\`mobile_index\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`mobile_verifications\` (\`id\` varchar(36) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`mobile_index\` varchar(64) NOT NULL, \`mobile\` text NOT NULL, \`path\` varchar(64) NOT NULL, \`account_id\` varchar(36) NOT NULL, \`verified_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_70dd85bbe4609e55f3756318a6\` (\`order_id\`, \`mobile_index\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`sms_codes\` (\`id\` varchar(36) NOT NULL, \`mobile_index\` varchar(64) NOT NULL, \`account_id\` varchar(36) NOT NULL, \`purpose\` varchar(32) NOT NULL, \`code_hash\` varchar(64) NOT NULL, \`attempts\` int NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`used_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_be69a7fc18a62db9a37f755bcf\` (\`account_id\`, \`created_at\`), INDEX \`IDX_f509fed1ce739e91d0647f10b7\` (\`mobile_index\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`biometric_consents\` (\`id\` varchar(36) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`certificate_index\` varchar(64) NOT NULL, \`account_id\` varchar(36) NOT NULL, \`version\` varchar(32) NOT NULL, \`consented_at\` datetime(3) NOT NULL, INDEX \`IDX_708489decf46f347b2aaeed5d6\` (\`order_id\`, \`certificate_index\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`face_checks\` (\`id\` varchar(36) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`certificate_index\` varchar(64) NOT NULL, \`path\` varchar(64) NOT NULL, \`status\` varchar(40) NULL, \`challenge_id\` varchar(36) NULL, \`challenge_digits\` text NULL, \`challenge_expires_at\` datetime(3) NULL, \`video_file_id\` varchar(36) NULL, \`photo_file_id\` varchar(36) NULL, \`performed_by\` varchar(36) NULL, \`reason\` varchar(200) NULL, \`verifier_ref\` varchar(80) NULL, \`score\` float NULL, \`reviewer_id\` varchar(36) NULL, \`reviewed_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_4ef2e0cb6a135b4a7c3417578e\` (\`order_id\`, \`certificate_index\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`principal_invitations\` (\`id\` varchar(36) NOT NULL, \`order_id\` varchar(36) NOT NULL, \`path\` varchar(64) NOT NULL, \`token_hash\` varchar(64) NOT NULL, \`certificate_index\` varchar(64) NOT NULL, \`created_by\` varchar(36) NOT NULL, \`accepted_by\` varchar(36) NULL, \`accepted_at\` datetime(3) NULL, \`revoked_at\` datetime(3) NULL, \`expires_at\` datetime(3) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_4ea7453d0c6ce852b1fee44b58\` (\`order_id\`), UNIQUE INDEX \`IDX_3adde920ceb1b47db167b59bed\` (\`token_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_3adde920ceb1b47db167b59bed\` ON \`principal_invitations\``);
    await queryRunner.query(`DROP INDEX \`IDX_4ea7453d0c6ce852b1fee44b58\` ON \`principal_invitations\``);
    await queryRunner.query(`DROP TABLE \`principal_invitations\``);
    await queryRunner.query(`DROP INDEX \`IDX_4ef2e0cb6a135b4a7c3417578e\` ON \`face_checks\``);
    await queryRunner.query(`DROP TABLE \`face_checks\``);
    await queryRunner.query(`DROP INDEX \`IDX_708489decf46f347b2aaeed5d6\` ON \`biometric_consents\``);
    await queryRunner.query(`DROP TABLE \`biometric_consents\``);
    await queryRunner.query(`DROP INDEX \`IDX_f509fed1ce739e91d0647f10b7\` ON \`sms_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_be69a7fc18a62db9a37f755bcf\` ON \`sms_codes\``);
    await queryRunner.query(`DROP TABLE \`sms_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_70dd85bbe4609e55f3756318a6\` ON \`mobile_verifications\``);
    await queryRunner.query(`DROP TABLE \`mobile_verifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_b9409f75fa9c6441fa5121e05a\` ON \`dev_sms_messages\``);
    await queryRunner.query(`DROP TABLE \`dev_sms_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_a3add1a10e4c0b27ae2c359a07\` ON \`uploads\``);
    await queryRunner.query(`DROP INDEX \`IDX_66acccec72965b66689b8e44de\` ON \`uploads\``);
    await queryRunner.query(`DROP TABLE \`uploads\``);
  }
}
