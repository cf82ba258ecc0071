/**
 * The few Block Kit shapes Sitrep sends, and Slack's limits for them. Kept here (not imported from
 * @slack/types) so the renderers stay pure and platform-library free; every shape is a structural
 * subset of Slack's own types, so it can be passed to Bolt as is.
 */

export interface SlackTextObject {
  readonly type: 'mrkdwn' | 'plain_text';
  readonly text: string;
  /** On mrkdwn: do not auto-link or auto-parse plain text (channel names, mentions). */
  readonly verbatim?: boolean;
  readonly emoji?: boolean;
}

export interface SlackHeaderBlock {
  readonly type: 'header';
  readonly text: SlackTextObject & { readonly type: 'plain_text' };
}

export interface SlackSectionBlock {
  readonly type: 'section';
  readonly text?: SlackTextObject;
  readonly fields?: SlackTextObject[];
}

export interface SlackContextBlock {
  readonly type: 'context';
  readonly elements: SlackTextObject[];
}

export interface SlackDividerBlock {
  readonly type: 'divider';
}

export interface SlackButtonElement {
  readonly type: 'button';
  readonly action_id: string;
  readonly text: SlackTextObject & { readonly type: 'plain_text' };
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
}

export interface SlackActionsBlock {
  readonly type: 'actions';
  readonly block_id?: string;
  readonly elements: SlackButtonElement[];
}

export type SlackBlock = SlackHeaderBlock | SlackSectionBlock | SlackContextBlock | SlackDividerBlock | SlackActionsBlock;

/** One Slack message: `text` is the notification fallback, `blocks` what people see. */
export interface SlackPayload {
  readonly text: string;
  readonly blocks: SlackBlock[];
}

/** Slack's documented Block Kit limits, plus one budget of our own. */
export const slackLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  buttonValue: 2000,
  /**
   * Our own budget of text per message. Slack accepts more, but clients fold very long messages
   * behind "Show more"; a digest reads better as a few messages of readable size.
   */
  messageText: 12_000,
  /** The notification fallback; Slack truncates `text` itself at 40,000. */
  fallbackText: 300,
} as const;
