/**
 * True when `text` mentions any keyword, case-insensitively, starting at a word boundary
 * (`troop` matches "troops", `war` does not match "award"). No keywords: everything matches.
 */
export function matchesKeywords(text: string, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return true;
  const haystack = text.normalize('NFKC').toLowerCase();
  return keywords.some((keyword) => {
    const needle = keyword.normalize('NFKC').toLowerCase().trim();
    if (!needle) return false;
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'u').test(haystack);
  });
}

