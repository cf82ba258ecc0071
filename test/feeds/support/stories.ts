import type { Story } from './news-pages.js';

/** Four distinct reports of one flood (and one unrelated story), written like wire copy. */
export const schoolsStory: Story = {
  title: 'Floods close schools across the valley',
  site: 'Daily Post',
  published: '2024-05-02T09:30:00Z',
  paragraphs: [
    'At least 40 schools were closed on Tuesday after the River Wend burst its banks overnight, regional officials said.',
    'Education director Maria Lopes said about 12,000 pupils would stay at home until the water receded and buildings had been inspected.',
    'The flooding followed three days of heavy rain across the upper valley, where forecasters recorded 180 millimetres of rainfall since Saturday.',
    'Parents in the town of Halden described streets turned into brown rivers, with cars stranded and shops shuttered along the main road.',
    'The regional government said it had opened two emergency shelters and asked residents in low-lying districts to prepare to leave.',
    'Officials expect the river to peak on Wednesday evening before slowly falling through the rest of the week.',
  ],
};

export const rescueStory: Story = {
  title: 'Rescue teams reach cut-off villages',
  site: 'Valley Herald',
  published: '2024-05-03T07:00:00Z',
  paragraphs: [
    'Rescue teams reached five villages cut off by the swollen river on Thursday morning, using boats and a military helicopter.',
    'Fire service spokesperson Ana Ruiz said crews had evacuated an estimated 300 people, most of them elderly residents who refused to leave earlier.',
    'Roads into the northern hamlets remained under a metre of water, and engineers warned that two bridges may have been weakened by debris.',
    'Volunteers from neighbouring towns brought blankets, bottled water and baby formula to a sports hall converted into a shelter.',
    'The mayor of Orrin said the village had not seen water this high since the great flood of 1968.',
    'Aid agencies said they were preparing for a longer operation if more rain arrives over the weekend as forecast.',
  ],
};

export const powerStory: Story = {
  title: 'Power restored to most flooded homes',
  published: '2024-05-04T16:00:00Z',
  paragraphs: [
    'Electricity was restored to most homes in the flooded districts on Saturday, the grid operator said in a statement.',
    'About 2,500 households were still without power after substations near the river were switched off as a precaution.',
    'Engineers worked through the night to dry equipment and check cables before reconnecting customers street by street.',
    'The operator warned that some areas could face short outages again while repairs continue over the coming days.',
    'Shopkeepers on the high street began pumping water from cellars and throwing out ruined stock as the water fell.',
    'Insurers said they had already received hundreds of claims and urged customers to photograph damage before cleaning up.',
  ],
};

export const footballStory: Story = {
  title: 'Halden United win the cup final',
  site: 'Daily Post',
  published: '2024-05-03T21:00:00Z',
  paragraphs: [
    'Halden United won the county cup final on Friday night with a late goal from their teenage striker in front of a sell-out crowd.',
    'The manager praised his players for their patience after a tense first half in which neither side managed a shot on target.',
    'Supporters celebrated in the town square until the early hours, singing and waving scarves under the floodlights of the town hall.',
    'The club will now face the champions of the neighbouring county in a play-off at the national stadium next month.',
    'Tickets for the play-off will go on sale to season ticket holders on Monday morning, the club said.',
    'It is the first trophy for the club in more than twenty years, and the first under its current owners.',
  ],
};

/** The schools report as a partner site republishes it: same text, another outlet, a credit line. */
export const syndicatedSchoolsStory: Story = {
  title: 'Schools shut as River Wend floods',
  site: 'Regional Wire',
  published: '2024-05-02T11:00:00Z',
  paragraphs: [...schoolsStory.paragraphs, 'This article was originally published by the Daily Post.'],
};
