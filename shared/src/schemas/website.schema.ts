import { z } from 'zod/mini';
import { SERVICE_CONTENTS } from '../catalog/service-options.catalog';
import { validateDomain, validateWebsiteName } from '../validate';
import type { DraftFacts } from './draft-facts';
import { crossFieldCheck, optionalText, requiredList, requiredText, textAt } from './field.schema';
import { serviceShape } from './service.schema';
import { typeError } from './zod-field-errors';

const SERVICE_CONTENT_KEYS = SERVICE_CONTENTS.map((content) => content.key);

// The mini-program runtime has no `URL`; an http(s) address with an optional port and path is enough here.
const HOME_URL = /^https?:\/\/([^/?#:\s]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i;

function homeUrlHost(url: string): string | undefined {
  return HOME_URL.exec(url.trim())?.[1];
}

/** Domain fields checked per 主办者性质 (事业单位 .cn/.公益, 党政机关 .gov.cn/.政务). */
export function domainListSchema(facts: DraftFacts) {
  return requiredList(requiredText((domain) => validateDomain(domain, { subjectNature: facts.subjectNature })));
}

/** One website (互联网信息服务 · 网站) with its service principal. */
export function websiteSchema(facts: DraftFacts) {
  return z
    .object(
      {
        ...serviceShape(facts, SERVICE_CONTENT_KEYS),
        domains: domainListSchema(facts),
        homeUrl: optionalText(),
      },
      { error: typeError },
    )
    .check(
      crossFieldCheck((website, report) => {
        const domains = Array.isArray(website.domains) ? website.domains.filter((d): d is string => typeof d === 'string') : [];
        const name = textAt(website, 'name');
        if (name) {
          const result = validateWebsiteName(name, {
            subjectType: facts.ctx.subjectType,
            domain: domains[0],
            subjectName: facts.subjectName,
            subjectNature: facts.subjectNature,
          });
          if (!result.ok && result.code !== 'REQUIRED') report('name', result.code);
        }
        const homeUrl = textAt(website, 'homeUrl');
        if (homeUrl) {
          const host = homeUrlHost(homeUrl)?.toLowerCase();
          const ascii = domains.map((domain) => validateDomain(domain)).flatMap((result) => (result.ok ? [result.value] : []));
          if (!host || !ascii.some((domain) => host === domain || host.endsWith(`.${domain}`))) report('homeUrl', 'HOME_URL_FORMAT');
        }
      }),
    );
}
