import type { ClaimPolicy, ClaimResult, Delivery } from './digest-store.js';

export type ClaimDecision = 'claim' | Extract<ClaimResult, { claimed: false }>['reason'];

/**
 * Whether an existing slot record may be claimed again, shared by every store so that they agree:
 * delivered and abandoned slots never; an unfinished claim once its lease has run out (its holder
 * presumably crashed); a failed attempt after `retryAfterMs`; neither after `maxAttempts`.
 */
export function decideClaim(existing: Delivery | undefined, now: Date, policy: ClaimPolicy): ClaimDecision {
  if (!existing) return 'claim';
  const since = (iso: string | undefined): number => now.getTime() - Date.parse(iso ?? existing.claimedAt);
  switch (existing.status) {
    case 'delivered':
      return 'delivered';
    case 'abandoned':
      return 'abandoned';
    case 'claimed':
      if (since(existing.claimedAt) < policy.leaseMs) return 'in-flight';
      return existing.attempts >= policy.maxAttempts ? 'gave-up' : 'claim';
    case 'failed':
      if (existing.attempts >= policy.maxAttempts) return 'gave-up';
      return since(existing.finishedAt) < policy.retryAfterMs ? 'retry-later' : 'claim';
  }
}
