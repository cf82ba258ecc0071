import { linkableUrl, type Message } from './message.js';

/** Markdown (for files and READMEs); untrusted text has its markup characters escaped. */
export function renderMarkdown(message: Message): string {
  const lines: string[] = [`# ${esc(message.title)}`];
  if (message.subtitle) lines.push('', `_${esc(message.subtitle)}_`);
  for (const section of message.sections) {
    lines.push('');
    if (section.heading) lines.push(`## ${esc(section.heading)}`, '');
    section.items.forEach((item, i) => {
      const bullet = section.style === 'list' ? `${i + 1}.` : '-';
      const label = item.label ? `**${esc(item.label)}**: ` : '';
      const url = linkableUrl(item.url);
      lines.push(`${bullet} ${label}${esc(item.text).replace(/\n/g, '  \n   ')}${url ? ` <${url}>` : ''}`);
      if (item.note) lines.push(`   <sub>${esc(item.note).replace(/\n/g, '<br>')}</sub>`);
    });
  }
  if (message.footer) lines.push('', `_${esc(message.footer)}_`);
  return lines.join('\n');
}

function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}
