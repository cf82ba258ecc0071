import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/answer.js';
import { buildBriefing } from '../../../src/core/briefing.js';
import type { Article } from '../../../src/core/types.js';

// An invented story, told by three outlets over three days.
const article = (id: string, published: string, text: string): Article => ({ id, origin: `${id}.md`, published, text, source: `Outlet ${id}` });

const storm = buildBriefing([
  article(
    'a',
    '2031-03-03',
    [
      'At least 41 people were killed when Storm Vell hit the coast of Norland, the interior ministry said on Monday.',
      'Twelve people were injured and 40 were evacuated from the harbour district.',
      'The ministry warned that the toll could rise to 60 as rescuers reach cut-off villages.',
      '"We are still searching the hills," said fire chief Mara Quist. "Every hour counts now."',
      'The storm came ashore near Port Tallis, on the Corran coast.',
    ].join('\n'),
  ),
  article(
    'b',
    '2031-03-04',
    [
      'The death toll from Storm Vell rose to 57 on Tuesday, according to the interior ministry.',
      'Floodwater burst the old Halden dam because the spillway had been blocked for years, engineers said.',
      'Rescuers reached the storm-hit villages near Port Tallis, on the Corran coast.',
      'The shelter at 402 Elm Avenue took in families overnight.',
    ].join('\n'),
  ),
  article(
    'c',
    '2031-03-06',
    [
      'The interior ministry revised the death toll down to 49 from 57, saying eight bodies had been counted twice.',
      'The regional council denied that the dam had been neglected.',
      'The harbour reopened on Thursday, the port authority said.',
      'Engineers hope to rebuild the Halden dam by June 4.',
      'Repairs to the harbour wall will take three months, the port authority said.',
      'Shares in the insurer Corvel were up 4.2% on Wednesday; the fund Alder Capital holds a 12% stake in it.',
      'Many roads closed due to the flooding.',
      'Donors pledged $30 million in aid on Friday.',
      '"Inspectors warned us about that wall for years," port director Ines Marr told reporters.',
      '"The water came in one wave." "Then it came again," said harbour master Leo Brandt.',
    ].join('\n'),
  ),
]);

describe('typed answers on a story of three days', () => {
  it('gives the latest value of a measure even when it was revised down, and not the earlier one', () => {
    const answer = answerQuestion('what is the latest death toll? just the number', storm);
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/\b49\b/);
    expect(answer.answer).not.toMatch(/\b57\b/);
    expect(answer.citations[0]?.articleId).toBe('c');
  });

  it('gives the first reported value when asked for the first', () => {
    expect(answerQuestion('What was the first death toll reported?', storm).answer).toMatch(/\b41\b/);
  });

  it('keeps a projection apart from the count: "could rise to 60" answers only a question about what could happen', () => {
    expect(answerQuestion('How high could the death toll rise, according to the ministry?', storm).answer).toMatch(/\b60\b/);
    expect(answerQuestion('how many people have died so far?', storm).answer).not.toMatch(/\b60\b/);
  });

  it('reads a count written in words, and keeps the injured apart from the evacuated', () => {
    expect(answerQuestion('How many people were injured?', storm).answer).toMatch(/twelve/i);
    expect(answerQuestion('How many people were evacuated?', storm).answer).toMatch(/\b40\b/);
  });

  it('never offers a street address or a number of another measure as an answer', () => {
    expect(answerQuestion('How many shelters were opened?', storm).found).toBe(false);
    expect(answerQuestion('How many people were arrested?', storm).found).toBe(false);
  });

  it('names the speaker of a quotation that runs over two sentences', () => {
    expect(answerQuestion('Who said "Every hour counts now"?', storm).answer).toMatch(/Mara Quist/);
  });

  it('answers where with the place the outlets agree on, and why with the sentence that gives the cause', () => {
    expect(answerQuestion('Where did the storm come ashore?', storm).answer).toMatch(/Port Tallis/);
    expect(answerQuestion('Why did the dam burst?', storm).answer).toMatch(/spillway had been blocked/);
  });

  it('answers "how long" with a duration, "how big a stake" and "how much … up" with a share', () => {
    expect(answerQuestion('how long will the harbour wall repairs take?', storm).answer).toMatch(/three months/i);
    expect(answerQuestion('how big a stake does alder capital hold', storm).answer).toMatch(/12%/);
    expect(answerQuestion('how much were corvel shares up on wednesday', storm).answer).toMatch(/4\.2%/);
    expect(answerQuestion('how much aid was pledged in dollars', storm).answer).toMatch(/\$30 million/);
  });

  it('gives the cause of what was asked, not a cause it had ("roads closed due to the flooding" does not say what caused the flooding)', () => {
    expect(answerQuestion('what caused the flooding?', storm).found).toBe(false);
  });

  it('never takes a speech verb inside the quotation for the attribution', () => {
    expect(answerQuestion('who said "inspectors warned us about that wall for years"', storm).answer).toMatch(/Ines Marr/);
  });

  it('attributes a quotation to the speaker named after the sentence it runs on into', () => {
    expect(answerQuestion('who said "the water came in one wave"', storm).answer).toMatch(/Leo Brandt/);
  });

  it('answers "when will" from a plan, and never "when did" from one', () => {
    expect(answerQuestion('When will the dam be rebuilt?', storm).answer).toMatch(/June 4/);
  });

  it('resolves a weekday to the date of the article that reports it', () => {
    expect(answerQuestion('When did the harbour reopen?', storm).answer).toMatch(/Thursday \(March 6, 2031\)/);
  });

  it('answers a yes/no question from a sentence about its subject, taking the stance it states', () => {
    expect(answerQuestion('Did the regional council admit the dam was neglected?', storm).answer).toMatch(/denied/);
  });

  it('says so when the set does not answer, rather than guessing from a sentence that shares words', () => {
    for (const q of [
      'How many homes did the storm destroy?',
      'Who owns the Halden dam?',
      'When did they finally rebuild the dam?',
      'which ministry official gave the 57 deaths? name',
      'how much aid was pledged in euros',
      'did the mayor resign after the storm',
    ]) {
      expect(answerQuestion(q, storm).found, q).toBe(false);
    }
  });
});

describe('who holds a role at a named body', () => {
  // Two chief executives in one story: the answer must be the one the question's body has.
  const briefing = buildBriefing([
    article('a', '2031-05-01', 'Norcorp CEO Ana Vell said the faulty update had been withdrawn.\nThe outage grounded flights across Norland.'),
    article('b', '2031-05-02', "Brill Air's CEO, Tom Quist, said the airline would seek damages from Norcorp.\nBrill Air cancelled 400 flights."),
    article('c', '2031-05-03', 'Jo Marr, deputy spokesman for the Norland transport ministry, said an inquiry would open.'),
  ]);

  it('names the person whose title is that body\'s, never another body\'s holder of the same title', () => {
    expect(answerQuestion('Who is the CEO of Norcorp?', briefing).answer).toBe('Ana Vell.');
    expect(answerQuestion('Who is the CEO of Brill Air?', briefing).answer).toBe('Tom Quist.');
    expect(answerQuestion('Who is the ministry spokesman?', briefing).answer).toBe('Jo Marr.');
  });

  it('declines when no one is given that title at that body', () => {
    expect(answerQuestion('Who is the CEO of Halden Bank?', briefing).found).toBe(false);
  });
});

describe('a number asked for a place', () => {
  const briefing = buildBriefing([
    article('a', '2031-06-01', 'At least 30 people died in Norland after the storm, officials said.\nThe storm then moved north.'),
    article('b', '2031-06-02', 'Officials said 12 people had died in Corran.\nSchools in Corran reopened.'),
    article('c', '2031-06-03', 'Schools in Tallis stayed shut on Tuesday.\nOfficials said 40 people had died.'),
  ]);

  it('is answered only by a sentence that names the place', () => {
    expect(answerQuestion('How many people died in Corran?', briefing).answer).toContain('12');
    // Tallis is named, but never with a toll: "40 people had died" is not a count for Tallis.
    expect(answerQuestion('How many people died in Tallis?', briefing).found).toBe(false);
  });
});

describe('the value before a revision', () => {
  // The statewide toll moved 117 → 96; a wider, later count (more than 200 across the region) is another quantity's.
  const briefing = buildBriefing([
    article('a', '2031-07-01', 'Officials said 117 people had died in Norland.\nRoads into the hills were closed.'),
    article('b', '2031-07-02', 'At least 150 people have died across the region, the relief agency said.\nPower returned to Tallis.'),
    article('c', '2031-07-03', 'With the revision of the count in Hill County, the death toll in Norland fell to 96.\nMore than 200 people across four provinces were killed, the agency said on Friday.'),
  ]);

  it('is the earlier value of the same quantity, asked "before the revision"', () => {
    expect(answerQuestion('What was the death toll in Norland before the revision?', briefing).answer).toContain('117');
    expect(answerQuestion('What is the death toll in Norland now?', briefing).answer).toContain('96');
  });
});

describe('the rest of a count', () => {
  const briefing = buildBriefing([
    article('a', '2031-08-01', 'Six workers fell into the river when the Corran bridge collapsed, officials said.\nTraffic was diverted through Tallis.'),
    article('b', '2031-08-02', 'Two workers were rescued, and the search for the other four workers, who are presumed dead, was suspended.\nDivers returned on Friday.'),
  ]);

  it('is no answer to how many there are in all ("the other four" is not how many are presumed dead)', () => {
    expect(answerQuestion('How many workers are presumed dead?', briefing).answer).not.toMatch(/\bfour\b/i);
  });

  it('answers a question about the rest', () => {
    expect(answerQuestion('How many of the other workers are presumed dead?', briefing).answer).toMatch(/\bfour\b/i);
  });
});

describe('the name of a thing', () => {
  const briefing = buildBriefing([
    article('a', '2031-09-01', 'The Orla Star, a container ship bound for Tallis, hit the Corran bridge at dawn.\nDock worker Ana Vell said the ship had lost power.'),
    article('b', '2031-09-02', 'Storm Kessa hit Norland on Tuesday, flooding the harbour.\nNorcorp\'s faulty update crashed the port\'s computers, the company said.'),
  ]);

  it('is the name the articles give that kind of thing, never a person named near it', () => {
    expect(answerQuestion('What ship hit the bridge?', briefing).answer).toBe('Orla Star.');
    expect(answerQuestion('What is the name of the ship that hit the Corran bridge?', briefing).answer).toBe('Orla Star.');
    expect(answerQuestion('Which storm hit Norland?', briefing).answer).toBe('Kessa.');
    expect(answerQuestion("Which company's update crashed the computers?", briefing).answer).toBe('Norcorp.');
  });

  it('declines when no thing of that kind is named', () => {
    expect(answerQuestion('What airline cancelled its flights?', briefing).found).toBe(false);
  });
});

describe('words joined by a hyphen, and a speed asked "how fast"', () => {
  const briefing = buildBriefing([
    article('a', '2031-10-01', 'NORDA Secretary-General Ana Vell called the landing "a grave step".\nStorm Orla made landfall near Tallis on Monday.'),
    article('b', '2031-10-02', 'Storm Orla came ashore near Tallis. It had maximum sustained winds of 120 mph.\nTallis was the hardest-hit town.'),
  ]);

  it('matches "secretary general" to "Secretary-General", and names the person after the title', () => {
    expect(answerQuestion('Who is the NORDA secretary general?', briefing).answer).toBe('Ana Vell.');
  });

  it('reads "how fast … at landfall" as the speed, with landfall only the time', () => {
    expect(answerQuestion("How fast were Orla's winds at landfall?", briefing).answer).toContain('120 mph');
  });
});

describe('a figure of the second of two events', () => {
  const briefing = buildBriefing([
    article('a', '2031-11-01', 'The first quake that hit Norland measured a magnitude of 6.8 and a second, hours later, measured 6.1.\nRoads into Tallis were closed.'),
    article('b', '2031-11-02', 'A 6.8-magnitude earthquake struck Norland before dawn, the seismic service said.\nRescuers reached Tallis.'),
  ]);

  it('is the figure the ordinal stands before, and none when no such event is reported', () => {
    expect(answerQuestion('What was the magnitude of the second earthquake?', briefing).answer).toContain('6.1');
    expect(answerQuestion('What was the magnitude of the third earthquake?', briefing).found).toBe(false);
  });
});

describe('a title in its short form, a former holder, and the newest value of a quantity', () => {
  const briefing = buildBriefing([
    article('a', '2031-12-01', 'Norland Gov. Ana Vell said the bridge would be rebuilt.\nOfficials said a new Corran bridge would cost $1.2 billion.'),
    article('b', '2031-12-02', 'Former Norland Gov. Tom Quist called the timeline unacceptable.\nThe transport authority now says rebuilding the Corran bridge would cost $2.5 billion.'),
  ]);

  it('reads "Gov." as governor and never names a former governor as the governor', () => {
    expect(answerQuestion('Who is the governor of Norland?', briefing).answer).toBe('Ana Vell.');
  });

  it('answers "how much will the new bridge cost" with the quantity\'s newest value, though it is worded otherwise', () => {
    expect(answerQuestion('How much will the new bridge cost?', briefing).answer).toContain('2.5 billion');
  });
});

describe('how much a share price moved', () => {
  const briefing = buildBriefing([
    article('a', '2031-12-05', 'Norcorp has seen a 14% drop in its stock market value since the outage.\nThe outage cost Norcorp $300 million, analysts said.'),
    article('b', '2031-12-06', 'About 80% of the banks in Norland were hit by the outage.\nNorcorp said it had fixed the update.'),
  ]);

  it('is a percentage, not an amount', () => {
    expect(answerQuestion("How much did Norcorp's stock fall?", briefing).answer).toContain('14%');
  });
});

describe('who was the last (or first) of several', () => {
  // Four miners missing after a collapse, found over three weeks; the report of the last one says so, in other words.
  const briefing = buildBriefing([
    article('a', '2031-05-02', 'Four miners were missing after a tunnel collapsed at the Tallis mine in Norland on Friday.\nRescuers said the air in the lower shafts was thin.'),
    article('b', '2031-05-09', 'The bodies of two miners were recovered last week from the lower shaft of the Tallis mine.\nThey were named as Ivo Brill and Sten Marr, both from Corran.'),
    article(
      'c',
      '2031-05-23',
      'The body of the fourth and final miner who died in the Tallis mine collapse was found on Tuesday, officials said.\nThe miner, Kessa Lund, 41, had worked at the mine for twenty years.\nThe mine will stay closed until inspectors have checked every shaft.',
    ),
  ]);

  it('is the one a sentence says was last, named in the sentence after it, not the one recovered "last week"', () => {
    for (const q of ['Who was the last of the four miners to be recovered?', 'Who was the last miner recovered?', 'Who was the final miner to be found?']) {
      expect(answerQuestion(q, briefing).answer, q).toBe('Kessa Lund.');
    }
  });

  it('takes a name from the sentence after only when that sentence points back ("They were named as …"), never a bystander named next', () => {
    expect(answerQuestion('Who was the first miner recovered?', briefing).answer).toMatch(/^Ivo Brill\b/);
    const bystander = buildBriefing([
      article('a', '2031-05-02', 'Four miners were missing after a tunnel collapsed at the Tallis mine in Norland on Friday.\nRescuers said the air in the lower shafts was thin.'),
      article('b', '2031-05-03', 'The bodies of the miners have not yet been recovered from the Tallis mine, officials said.\nMayor Orla Star said the town of Corran would hold a vigil on Sunday.'),
    ]);
    expect(answerQuestion('Who was the first miner recovered?', bystander).answer).not.toMatch(/Orla Star/);
  });

  it('is no answer when no sentence says which came last and the question counts them', () => {
    const none = buildBriefing([
      article('a', '2031-05-02', 'Four miners were missing after a tunnel collapsed at the Tallis mine in Norland on Friday.\nRescuers said the air in the lower shafts was thin.'),
      article('b', '2031-05-09', 'The mine will stay closed until inspectors have checked every shaft, the Norland mining board said.'),
    ]);
    expect(answerQuestion('Who was the last of the four miners to be recovered?', none).found).toBe(false);
  });
});

describe('a role of a place named by its people ("Corranian President Ana Vell")', () => {
  const briefing = buildBriefing([
    article('a', '2031-06-01', 'According to the Tallis Herald, Corranian President Ana Vell announced that 4,100 people had died in Corran.\nRescuers reached the coast.'),
    article('b', '2031-06-02', 'Corranian President Ana Vell pledged to rebuild the homes within a year.\nAid arrived from Norland.'),
  ]);

  it('is the place\'s: "the president of Corran" is the Corranian President, and the outlet before it is nobody\'s president', () => {
    expect(answerQuestion('Who is the president of Corran?', briefing).answer).toBe('Ana Vell.');
    expect(answerQuestion('Who is the Corranian president?', briefing).answer).toBe('Ana Vell.');
    expect(answerQuestion('Who is the president of Norland?', briefing).found).toBe(false);
  });
});

describe('an answer that names the wrong thing is no answer', () => {
  const briefing = buildBriefing([
    article('a', '2031-09-01', 'The Orla Star, a container ship bound for Tallis, hit the Kettle Ford bridge at dawn.\nThe six workers on the bridge were part of a crew from building company Quist Holdings, officials said.\nStorm Kessa destroyed two dams upstream from Marlow.'),
    article('b', '2031-09-02', 'The coast guard said at least 900 people had died in Marlow, citing figures from the Norland Red Cross.\nThe Norland Red Cross spokesman Tam Brill rejected the figures, saying only the health ministry counts the dead.\nNorland Secretary-General Ana Vell praised the rescue in Marlow.\nTugs towed the Orla Star away from the bridge.'),
  ]);

  it('a company the articles name is not the company that owns a ship, unless the sentence names the ship', () => {
    expect(answerQuestion('Which company employed the workers?', briefing).answer).toBe('Quist Holdings.');
    expect(answerQuestion('Which company owns the Orla Star?', briefing).found).toBe(false);
  });

  it('who disputed a number is not answered with who gave it', () => {
    expect(answerQuestion('Who said 900 people died?', briefing).answer).toMatch(/coast guard/i);
    expect(answerQuestion('Who from the Norland Red Cross pushed back on the 900 figure?', briefing).answer ?? '').not.toMatch(/coast guard/i);
  });

  it('the names of things asked for are names of that kind, or there is no answer', () => {
    expect(answerQuestion('What were the names of the two dams that collapsed above Marlow?', briefing).found).toBe(false);
    const named = buildBriefing([article('c', '2031-09-03', 'Storm Kessa destroyed the Alden Dam and the Brill Dam upstream from Marlow.')]);
    expect(answerQuestion('What were the names of the dams that Storm Kessa destroyed?', named).answer).toMatch(/Alden Dam/);
  });

  it('a "which <kind> is <doing>" question needs a sentence with what it does', () => {
    expect(answerQuestion('Which Norland general is commanding the rescue in Marlow?', briefing).found).toBe(false);
  });
});

describe('what a named subject does', () => {
  const briefing = buildBriefing([
    article('a', '2031-09-01', 'Alden said an estimated 400 soldiers had been sent to Norland to train, up from 200.\nCorran President Ana Vell said the country may consider sending boats to Norland.'),
    article('b', '2031-09-02', 'Corran held naval drills on Tuesday.\nAlden is considering sending more soldiers to Norland, its defence ministry said.'),
  ]);

  it('is answered from a sentence that names the subject, not one that only shares the story with it', () => {
    expect(answerQuestion('What is Corran considering sending to Norland?', briefing).answer).toMatch(/sending boats/);
  });
});

describe('the way someone went', () => {
  const briefing = buildBriefing([
    article('a', '2031-09-01', 'The Alden volunteers travelled to Marlow by boat from Kettle Ford.\nThe river road to Marlow was closed.'),
    article('b', '2031-09-02', 'An estimated 400 Alden volunteers had been sent to Marlow, up from 120, the fire service said.'),
  ]);

  it('is a sentence that says how they went, however the question asks it', () => {
    expect(answerQuestion('How did the volunteers get to Marlow?', briefing).answer).toMatch(/by boat/);
    expect(answerQuestion('By what route did the volunteers reach Marlow?', briefing).answer).toMatch(/by boat/);
  });

  it('or no answer, when no sentence says how', () => {
    const unsaid = buildBriefing([article('b', '2031-09-02', 'An estimated 400 Alden volunteers had been sent to Marlow, up from 120, the fire service said.')]);
    expect(answerQuestion('How did the volunteers get to Marlow?', unsaid).found).toBe(false);
  });
});

describe('who did it, among several names', () => {
  const briefing = buildBriefing([
    article('a', '2031-09-01', 'The agency attributed the deaths to the Norland Red Cross, but its spokesman Tawfiq al-Marun rejected the figures.\nThe river road was closed.'),
  ]);

  it('is the name before the verb, a lowercase particle inside it kept', () => {
    expect(answerQuestion('Who rejected the figures?', briefing).answer).toBe('Tawfiq al-Marun.');
  });
});

describe('a loss of someone named only to be left out', () => {
  const briefing = buildBriefing([
    article('a', '2031-09-01', 'A Brill report said the Kessa outage caused a total of $5.4 billion in losses for the largest firms, not including the financial impacts on Norcorp itself.\nThe Kessa outage hit Norcorp and its clients.'),
  ]);

  it('is not their loss', () => {
    expect(answerQuestion('How much money did Norcorp itself lose because of the Kessa outage?', briefing).found).toBe(false);
  });
});

describe('named structures', () => {
  const briefing = buildBriefing([
    article('a', '2031-09-01', 'Two dams burst above Marlow after the storm.\nCrews worked to clean the Kettle Ford reservoir, which supplies Marlow with water.\nThe workers on the bridge were part of a crew from building company Quist Holdings.'),
    article('b', '2031-09-02', 'In Corran, authorities are worried about a potential dam collapse.\nThe Alden Bridge stayed shut.'),
  ]);

  it('are named as the articles name them, the kind in either case', () => {
    expect(answerQuestion('Which reservoir were crews cleaning?', briefing).answer).toBe('Kettle Ford reservoir.');
  });

  it('are never a count or a sentence without a name', () => {
    expect(answerQuestion('Which dams burst above Marlow?', briefing).found).toBe(false);
    expect(answerQuestion('which dam in corran were officials afraid would collapse?', briefing).found).toBe(false);
  });

  it('a lowercase question still names what the answer must carry', () => {
    expect(answerQuestion('which company insures the alden bridge', briefing).found).toBe(false);
  });
});

describe('questions put in other words: a spelling, "how far", a wind speed', () => {
  const briefing = buildBriefing([
    article('a', '2031-09-01', 'Storm Kessa came ashore with maximum sustained winds estimated at 140 mph.\nNorcorp has seen a 22% drop in its stock market value since the outage.'),
    article('b', '2031-09-02', 'Corran is closely watching, with Defense Minister Ana Vell\'s office saying the troops could eventually number around 12,000.\nKessa weakened over land.'),
  ]);

  it('reads a British spelling as the American one', () => {
    expect(answerQuestion("How many troops does Corran's defence ministry think could eventually be sent?", briefing).answer).toMatch(/12,000/);
  });

  it('reads "how far did the market value drop" as a share', () => {
    expect(answerQuestion("how far did Norcorp's market value drop after the outage", briefing).answer).toMatch(/22%/);
  });

  it('reads "what were its winds" as a number', () => {
    expect(answerQuestion("What were Kessa's maximum sustained winds when it came ashore?", briefing).answer).toBe('140 mph.');
  });
});
