/**
 * The signed requests already answered, shared by every replica that can be asked to answer them
 * again (the Slack replay guard's "seen" check). Only verified signatures are offered, so forged
 * requests cannot fill it.
 */
export interface SeenRequests {
  /**
   * Records `signature` until `expiresAt` and resolves true when nobody had recorded it yet (this
   * is its first sighting), false when some process already had. Rejects when the store is unreachable.
   */
  firstSighting(signature: string, expiresAt: Date): Promise<boolean>;
}
