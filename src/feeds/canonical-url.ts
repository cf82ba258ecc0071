/** Query parameters that only track where a reader came from; they never change the article. */
const trackingParam = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ocid|cmpid)$/i;

/**
 * The form of an article URL used to recognize the same article twice: the fragment and tracking
 * parameters (`utm_*`, `fbclid`, …) removed, the host lower-cased, default ports and a trailing
 * slash dropped, the remaining parameters sorted. Returns the input unchanged if it is not a URL.
 */
export function canonicalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([key]) => !trackingParam.test(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}
