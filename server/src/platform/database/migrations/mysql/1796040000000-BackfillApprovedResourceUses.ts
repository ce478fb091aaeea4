import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Services approved before `resource_uses` existed count on their instance too: one `approved` row per active service
 * of the record standing on an instance, keyed like a new order's (the first domain's key, else the service's key), the
 * service's id in `order_id` (the record keeps no approving order). A service already counted is skipped.
 */
export class BackfillApprovedResourceUses1796040000000 implements MigrationInterface {
  name = 'BackfillApprovedResourceUses1796040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO \`resource_uses\` (\`account_id\`, \`instance_id\`, \`order_id\`, \`service_key\`, \`stage\`, \`updated_at\`)
      SELECT \`subject\`.\`owner_id\`, JSON_UNQUOTE(JSON_EXTRACT(\`service\`.\`resource\`, '$.instanceId')), \`service\`.\`id\`,
        COALESCE(
          (SELECT \`k\`.\`service_key\` FROM \`filing_service_keys\` \`k\` WHERE \`k\`.\`service_id\` = \`service\`.\`id\`
            AND \`k\`.\`service_key\` = CONCAT('website:', LOWER(TRIM(JSON_UNQUOTE(JSON_EXTRACT(\`service\`.\`domains\`, '$[0]')))))),
          (SELECT MIN(\`k\`.\`service_key\`) FROM \`filing_service_keys\` \`k\` WHERE \`k\`.\`service_id\` = \`service\`.\`id\`)),
        'approved', \`service\`.\`approved_at\`
      FROM \`filing_services\` \`service\` INNER JOIN \`filing_subjects\` \`subject\` ON \`subject\`.\`id\` = \`service\`.\`subject_id\`
      WHERE \`service\`.\`state\` = 'active' AND JSON_UNQUOTE(JSON_EXTRACT(\`service\`.\`resource\`, '$.type')) = 'instance'
        AND JSON_EXTRACT(\`service\`.\`resource\`, '$.instanceId') IS NOT NULL
        AND EXISTS (SELECT 1 FROM \`filing_service_keys\` \`k\` WHERE \`k\`.\`service_id\` = \`service\`.\`id\`)
        AND NOT EXISTS (SELECT 1 FROM \`resource_uses\` \`u\` WHERE \`u\`.\`stage\` = 'approved'
          AND \`u\`.\`service_key\` IN (SELECT \`k\`.\`service_key\` FROM \`filing_service_keys\` \`k\` WHERE \`k\`.\`service_id\` = \`service\`.\`id\`))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM \`resource_uses\` WHERE \`order_id\` IN (SELECT \`id\` FROM \`filing_services\`)`);
  }
}
