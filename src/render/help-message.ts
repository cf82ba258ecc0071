import type { Message } from './message.js';

export function errorMessage(title: string, text: string): Message {
  return { title, sections: [{ style: 'plain', items: [{ text }] }], tone: 'error' };
}

/** The one reply to a command that failed inside: the cause goes to the log, never to chat. */
export const commandFailedMessage: Message = errorMessage('Something went wrong', 'Sitrep could not finish that command. The problem has been logged; please try again.');

/** What Sitrep can do, with examples. */
export function renderHelpMessage(topics: readonly string[]): Message {
  const commands = [
    { label: '/brief [topic]', text: 'The key points of the story, merged across sources, with the key numbers.' },
    { label: '/ask <question> [topic]', text: 'A direct answer with its source, e.g. /ask latest estimate, /ask who confirmed the deployment?' },
    { label: '/numbers [topic]', text: 'Every key figure: latest value, earlier values, projections, who said it.' },
    { label: '/sources [topic]', text: 'The articles in the set, and any files that could not be read.' },
    { label: '/digest subscribe [08:00] [Europe/Kyiv] [topic]', text: 'A daily digest of what changed, posted here. Also: status, now, unsubscribe.' },
    { label: '/add <url> [topic]', text: 'Fetch an article and add it to the topic.' },
  ];
  return {
    title: 'Sitrep: briefings on a developing story',
    subtitle: topics.length ? `Topics: ${topics.join(', ')}` : 'No topics loaded',
    sections: [{ heading: 'Commands', style: 'list', items: commands }],
    footer: 'Replies are private to you; add "public" (or the public option) to share one in the channel.',
    tone: 'normal',
  };
}
