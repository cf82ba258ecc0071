/** A mistake in the command line or its inputs: one line on stderr, exit 1. */
export class UsageError extends Error {}
