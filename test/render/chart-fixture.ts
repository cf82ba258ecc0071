/** An invented story whose death toll climbs, is revised down, is projected higher and is disputed by a second authority. */
import { buildBriefing } from '../../src/core/briefing.js';
import type { Article } from '../../src/core/types.js';

const article = (id: string, published: string, source: string, text: string): Article => ({ id, origin: `${id}.md`, published, source, text });

export const floodArticles: readonly Article[] = [
  article('a', '2031-03-03', 'Alden Courier', 'The Alden Fire Service said at least 12 people had died in the Alden floods.\nThe river burst its banks after two days of rain.'),
  article('b', '2031-03-04', 'Brill Post', 'The Alden Fire Service said 31 people had died in the floods, up from 12.\nThe regional governor Mara Quist said the death toll could rise to 60.'),
  article('c', '2031-03-05', 'Norcorp News', 'The Alden Fire Service said 27 people had died, revised down from 31 after a double count.\nThe mayor of Rivertown said 35 people had died.'),
];

export const floodBriefing = buildBriefing(floodArticles);
