import type { FooterFetchProblem } from '@beian/shared';

/** A site's home page as text, after redirects. */
export interface FetchedPage {
  finalUrl: string;
  status: number;
  html: string;
}

/** Why a home page could not be read; `problem` names the Chinese message shown to the applicant. */
export class SiteFetchError extends Error {
  constructor(
    readonly problem: FooterFetchProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/**
 * Fetches a filed website's home page from the public internet, for the footer check. The applicant names the address,
 * so the adapter bounds time, size and redirects and never connects to a private, loopback or link-local address.
 * Adapter: HttpSiteFetcher.
 */
export abstract class SiteFetcher {
  /** Rejects with {@link SiteFetchError}. */
  abstract fetchHomePage(url: string): Promise<FetchedPage>;
}
