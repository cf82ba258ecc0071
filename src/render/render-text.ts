import type { Message } from './message.js';

/**
 * Plain text for the console and the CLI. Text only, so nothing needs escaping, but control
 * characters from articles are removed so they cannot drive the terminal.
 */
export function renderText(message: Message): string {
  const lines: string[] = [message.tone === 'error' ? `! ${clean(message.title)}` : `== ${clean(message.title)} ==`];
  if (message.subtitle) lines.push(clean(message.subtitle));
  for (const section of message.sections) {
    lines.push('');
    if (section.heading) lines.push(`${clean(section.heading)}:`);
    section.items.forEach((item, i) => {
      const text = clean(item.text);
      const label = item.label ? `${clean(item.label)}: ` : '';
      if (section.style === 'list') lines.push(`${i + 1}. ${label}${indent(text, 3)}`);
      else if (section.style === 'fields') lines.push(`- ${label}${indent(text, 2)}`);
      else lines.push(text);
      if (item.note) lines.push(`   ${indent(clean(item.note), 3)}`);
    });
  }
  if (message.footer) lines.push('', clean(message.footer));
  return lines.join('\n');
}

function indent(text: string, width: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(width)}`);
}

// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
function clean(text: string): string {
  return text.replace(control, '');
}
