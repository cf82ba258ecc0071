/**
 * Slack's own escaping: `&`, `<` and `>` are the only control characters of its message syntax.
 * Escaping them in every piece of untrusted text defuses `<!channel>`, `<!here>`, `<@U123>` and
 * spoofed `<https://evil|bank>` links; without `link_names`, a bare `@everyone` never pings.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Reverses `escapeSlack`: Slack sends slash-command text with these three characters escaped. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Escapes untrusted text for mrkdwn and makes bare http(s) URLs links that show the URL itself
 * (`<url>`): links must be explicit because untrusted text is sent with `verbatim: true`, and a
 * link without a `|label` cannot pretend to go somewhere else.
 */
export function escapeMrkdwn(text: string): string {
  return escapeSlack(text).replace(/https?:\/\/[^\s<>|"]+/g, (url) => {
    const trail = /[.,;:!?)\]']+$/.exec(url)?.[0] ?? '';
    const bare = url.slice(0, url.length - trail.length);
    return bare.length > 10 ? `<${bare}>${trail}` : url;
  });
}

// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes control characters (articles carry stray ones); keeps newlines and tabs. */
export function stripControl(text: string): string {
  return text.replace(control, '');
}
