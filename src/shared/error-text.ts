/** What went wrong, as text for a log field or a reply's detail: an error's message, or anything else as a string. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
