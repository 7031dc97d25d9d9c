// Cross-site request forgery: a page on another site can make the browser send a form or a
// body-less POST to Kept with the staff member's cookie. Browsers say where a request comes from
// (Sec-Fetch-Site in every current browser, Origin on every POST), so a request that changes
// something is refused when they say "another site". Clients that are not browsers send neither
// header and cannot be tricked into sending a cookie, so they are let through.

/** Methods that change nothing: never refused. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sec-Fetch-Site values of a request Kept's own page (or the user, by typing) started. */
const OWN_SITE = new Set(['same-origin', 'none']);

export interface RequestOrigin {
  method: string;
  secFetchSite: string | undefined;
  origin: string | undefined;
  /** The Host the request was sent to (behind a trusted proxy, the forwarded one). */
  host: string;
}

export interface ForeignRequest {
  header: 'Sec-Fetch-Site' | 'Origin';
  value: string;
}

/**
 * Why a request came from another site, or null when it did not (or changes nothing).
 * `ownOrigins` are Kept's public origins (KEPT_PUBLIC_URL): behind a proxy that rewrites Host,
 * the browser's Origin matches the public URL and not the Host Kept sees.
 */
export function foreignRequest(request: RequestOrigin, ownOrigins: readonly string[]): ForeignRequest | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const { secFetchSite, origin } = request;
  if (origin !== undefined && ownOrigins.includes(origin)) return null;
  if (secFetchSite !== undefined) {
    // "same-site" too: a sibling subdomain is another application, possibly someone else's.
    return OWN_SITE.has(secFetchSite) ? null : { header: 'Sec-Fetch-Site', value: secFetchSite };
  }
  // An older browser sends Origin alone; it must name the host the request was sent to.
  if (origin === undefined) return null;
  return originMatchesHost(origin, request.host) ? null : { header: 'Origin', value: origin };
}

function originMatchesHost(origin: string, host: string): boolean {
  try {
    const sent = new URL(origin);
    // Read the Host with the origin's scheme, so a default port written out (":80") still matches.
    return sent.origin === origin.replace(/\/$/, '') && new URL(`${sent.protocol}//${host}`).host === sent.host;
  } catch {
    return false; // "null" (a sandboxed frame, a data: page) or garbage: not Kept's page
  }
}
