import { z } from 'zod/mini';
import { APP_PLATFORMS, SERVICE_CONTENTS } from '../catalog/service-options.catalog';
import { validateFingerprint, validatePackageName } from '../validate';
import type { DraftFacts } from './draft-facts';
import { crossFieldCheck, requiredChoice, requiredFlag, requiredList, requiredText, textAt } from './field.schema';
import { serviceShape } from './service.schema';
import { domainListSchema } from './website.schema';
import { typeError } from './zod-field-errors';

const SERVICE_CONTENT_KEYS = SERVICE_CONTENTS.map((content) => content.key);

/** One APP package per platform: package name, platform public key and signature fingerprint (Android MD5, Apple SHA-1). */
export function appPackageSchema() {
  return z
    .object(
      {
        platform: requiredChoice(APP_PLATFORMS.map((platform) => platform.key)),
        packageName: requiredText(validatePackageName),
        publicKey: requiredText(),
        fingerprint: requiredText(),
      },
      { error: typeError },
    )
    .check(
      crossFieldCheck((pkg, report) => {
        const platform = APP_PLATFORMS.find((entry) => entry.key === pkg.platform);
        const fingerprint = textAt(pkg, 'fingerprint');
        if (!platform || !fingerprint) return;
        const result = validateFingerprint(fingerprint, platform.fingerprint);
        if (!result.ok) report('fingerprint', result.code);
      }),
    );
}

/** One APP (互联网信息服务 · APP) with its packages and service principal. */
export function appSchema(facts: DraftFacts) {
  return z.object(
    {
      ...serviceShape(facts, SERVICE_CONTENT_KEYS),
      providesSdk: requiredFlag(),
      usesExternalSdk: requiredFlag(),
      domains: z.optional(domainListSchema(facts)),
      packages: requiredList(appPackageSchema()),
    },
    { error: typeError },
  );
}
