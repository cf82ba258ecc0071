/** Questions put in other words than the articles use: each still gets the answer the set gives. Invented sentences. */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/answer.js';
import { buildBriefing } from '../../../src/core/briefing.js';
import type { Article } from '../../../src/core/types.js';

const article = (id: string, text: string, published: string): Article => ({ id, origin: `${id}.md`, text, published });

const ask = (question: string, articles: readonly Article[]): { found: boolean; answer: string } => answerQuestion(question, buildBriefing(articles));

describe('who gave a number', () => {
  const set = [
    article('a', 'Interior minister Ana Vell said at least 300 families had left their homes.', '2031-03-03'),
    article('b', 'The Corran relief agency said 900 families had fled the Alden valley, up from an earlier estimate of 300.', '2031-03-05'),
  ];
  it('is who gave it, not a later report that only recalls it ("up from an earlier estimate of 300")', () => {
    const { answer } = ask('Who said at least 300 families had fled the Alden valley?', set);
    expect(answer).toMatch(/Vell/);
    expect(answer).not.toMatch(/agency/i);
  });
});

describe('how many of a thing', () => {
  it('is a number that counts that thing, never another count near it', () => {
    const set = [article('a', 'Storm Orla caused 44 deaths as it crossed five provinces.', '2031-03-03')];
    const { answer } = ask('How many provinces did Storm Orla cross?', set);
    expect(answer).toMatch(/five/i);
    expect(answer).not.toMatch(/44/);
  });
});

describe('the counted noun', () => {
  it('ends before a participle with its agent ("five provinces hit by the storm" counts provinces)', () => {
    const set = [article('a', 'Officials said five provinces hit by Storm Orla had asked for aid.', '2031-03-03')];
    expect(ask('How many provinces were hit by Storm Orla?', set).answer).toMatch(/five provinces/i);
  });
});

describe('a yes-or-no question about a position', () => {
  it('takes the latest stance: "did not deny" on Monday gives way to "confirmed" on Tuesday', () => {
    const set = [
      article('a', 'Norland did not deny the reports of troops at the Brill border crossing.', '2031-03-03'),
      article('b', 'On Tuesday Norland confirmed the presence of troops at the Brill border crossing.', '2031-03-04'),
    ];
    expect(ask('Has Norland admitted there are troops at the Brill border crossing?', set).answer).toMatch(/confirmed/);
  });
});

describe('words the articles put otherwise', () => {
  it('"promise" finds "pledged"', () => {
    const set = [article('a', 'President Ana Vell has pledged to rebuild every school in Kessa within a year.\nThe storm destroyed 40 schools.', '2031-03-03')];
    expect(ask('What did Ana Vell promise?', set).answer).toMatch(/within a year/);
  });

  it('"how many lost their homes" asks how many were displaced', () => {
    const set = [article('a', 'The floods in the Alden valley have displaced at least 12,000 people, the relief agency said.\nAt least 40 people died.', '2031-03-03')];
    expect(ask('How many people lost their homes?', set).answer).toMatch(/12,000/);
  });

  it('"forced from their homes" and "fled their homes" ask the same', () => {
    const set = [article('a', 'The floods in the Alden valley have displaced at least 12,000 people, the relief agency said.\nAt least 40 people died.', '2031-03-03')];
    expect(ask('How many people were forced from their homes?', set).answer).toMatch(/12,000/);
    expect(ask('How many people fled their homes?', set).answer).toMatch(/12,000/);
  });

  it('"what did X project" asks X\'s projected figure', () => {
    const set = [article('a', 'The Corran health ministry said the death toll could rise to 5,000.\nAt least 1,200 people have died so far.', '2031-03-03')];
    const { answer } = ask('What did the health ministry project?', set);
    expect(answer).toMatch(/5,000/);
  });
});

describe('how strong', () => {
  const quake = [
    article('a', 'A magnitude 7.1 earthquake struck northern Norland early on Monday, killing at least 40 people.\nThe Norland seismic agency put the magnitude at 6.9.', '2031-03-03'),
    article('b', 'The magnitude 7.1 earthquake toppled hundreds of buildings in Kessa.\nAbout 12 hours later, a second earthquake of magnitude 6.2 hit the same region.', '2031-03-04'),
  ];
  it('an earthquake: its magnitude, the value most articles give, and not a second quake\'s', () => {
    expect(ask('How strong was the earthquake?', quake).answer).toMatch(/7\.1/);
  });

  it('the winds "at landfall", from a sentence that gives the wind speed without saying landfall', () => {
    const storm = [article('a', 'Hurricane Orla made landfall near Kessa late on Thursday.\nIt had maximum sustained winds of 120 mph.', '2031-03-03')];
    expect(ask('How strong were the winds at landfall?', storm).answer).toMatch(/120/);
  });
});

describe('who someone is', () => {
  const set = [
    article('a', 'Interior minister Ana Vell said at least 300 families had left their homes.\nOn Monday, Corran relief agency spokesman Tomas Brill told reporters that aid would arrive by road.', '2031-03-03'),
    article('b', 'Orla Quist, the chief executive of Norcorp, said the company would pay for repairs.', '2031-03-04'),
  ];
  it('is the title the articles set before the name, back to where the title starts', () => {
    expect(ask('Who is Ana Vell?', set).answer).toBe('Interior minister Ana Vell.');
    expect(ask('who is Tomas Brill?', set).answer).toBe('Corran relief agency spokesman Tomas Brill.');
  });

  it('or the role set beside it', () => {
    expect(ask('Who is Orla Quist?', set).answer).toMatch(/chief executive of Norcorp/);
  });

  it('is no answer for a name the articles give no role', () => {
    expect(ask('Who is Kessa Dune?', set).found).toBe(false);
  });
});

describe('the name of a thing', () => {
  it('"the name of the container ship" asks for a ship', () => {
    const set = [article('a', 'The container ship Orla Star struck the Brill bridge before dawn on Tuesday.', '2031-03-03')];
    expect(ask('What was the name of the container ship?', set).answer).toMatch(/Orla Star/);
  });
});

describe('what time', () => {
  it('is the time of day the most relevant sentence gives, not a day', () => {
    const set = [
      article('a', 'The Brill bridge collapsed on Tuesday after a barge struck it.\nOn Tuesday night, officials said the search would go on for a long time.', '2031-03-03'),
      article('b', 'The barge hit a pier of the Brill bridge around 1:30 a.m. Tuesday, and the bridge fell into the river.\nThe collapse closed the river to shipping for a week.', '2031-03-04'),
    ];
    expect(ask('What time did the bridge collapse?', set).answer).toMatch(/^1:30 a\.m\./);
  });
});

describe('how long', () => {
  it('asks a duration: "how" and "long" are no terms, and recovering is finding', () => {
    const set = [article('a', 'Divers recovered two bodies from the Brill river on Monday.\nThe last of the crew was found on Friday, though it took three weeks to find all of the bodies.', '2031-03-03')];
    expect(ask('How long did it take to recover all the bodies?', set).answer).toMatch(/three weeks/i);
  });
});

describe('where', () => {
  it('is a place name that ends at punctuation, without its possessive', () => {
    const set = [
      article('a', 'The soldiers are training at camps in Norland, Vell said on Monday.', '2031-03-03'),
      article('b', "Aid convoys reached camps in Norland's north on Tuesday.", '2031-03-04'),
    ];
    const { answer } = ask('Where are the soldiers training?', set);
    expect(answer).toMatch(/^Norland\b/);
    expect(answer).not.toMatch(/Vell|Norland['’]s/);
  });
});

describe('the latest value', () => {
  it('is never a value a later report says was replaced, even where another sentence repeats it plainly', () => {
    const set = [
      article('a', 'The relief agency said 9,000 people died in the Kessa floods.', '2031-03-03'),
      article('b', 'The agency revised the toll of the Kessa floods, saying 2,100 people died instead of 9,000.', '2031-03-05'),
      article('c', 'Confusion grew after the agency announced 9,000 dead in the Kessa floods last week.\nHealth officials said 2,100 people had died.', '2031-03-06'),
    ];
    const { answer } = ask('How many people died in the Kessa floods?', set);
    expect(answer).toMatch(/2,100/);
    expect(answer).not.toMatch(/9,000/);
  });

  it('is not given when the only relevant values were replaced and the replacement is not found', () => {
    const set = [
      article('a', 'The relief agency said 9,000 people died in the Kessa floods.', '2031-03-03'),
      article('b', 'The agency revised the toll, saying 2,100 people died instead of 9,000.', '2031-03-05'),
      article('c', 'Confusion grew after the agency announced 9,000 dead in the Kessa floods last week.', '2031-03-06'),
    ];
    expect(ask('How many people died in the Kessa floods?', set).answer).not.toMatch(/9,000/);
  });
});

describe('when an event happened', () => {
  it('is the time of its own clause, not of the clause around it ("after the quake struck, the toll rose Tuesday")', () => {
    const set = [
      article('a', 'The quake struck Kessa at 4:10 a.m. on Monday.', '2031-03-03'),
      article('b', 'A week after the quake struck Kessa, the toll rose further on Tuesday.\nMayor Ana Vell spoke on Wednesday before the quake struck again.', '2031-03-11'),
    ];
    const { answer } = ask('When did the quake strike?', set);
    expect(answer).toMatch(/4:10 a\.m\.|Monday/);
    expect(answer).not.toMatch(/Tuesday|Wednesday/);
  });

  it('is dated by the verb, not by a later sentence that names the event ("the collapse of the bridge … was found Tuesday")', () => {
    const set = [
      article('a', 'The Tallis bridge collapsed in the early hours of March 4 when a barge struck it.', '2031-03-05'),
      article('b', 'The body of the last worker who died in the collapse of the Tallis bridge was found Tuesday.', '2031-04-15'),
    ];
    const { answer } = ask('When did the bridge collapse?', set);
    expect(answer).toMatch(/^March 4/);
  });
});

describe('how long', () => {
  it('reads a number joined to its unit ("a three-month state of emergency") as a duration', () => {
    const set = [article('a', 'President Ana Vell declared a three-month state of emergency in Kessa.', '2031-03-03')];
    expect(ask('How long is the state of emergency?', set).answer).toMatch(/^Three months/);
  });

  it('never answers with a point in time ("100 years ago")', () => {
    const set = [article('a', 'The state of emergency in Kessa recalls the flood of 100 years ago.', '2031-03-03')];
    const { found, answer } = ask('How long is the state of emergency?', set);
    expect(answer).not.toMatch(/100/);
    expect(found).toBe(false);
  });
});

describe('how many of a thing, asked with a verb that says only that something happened to it', () => {
  it('takes the latest count of the thing, not the one sentence that repeats the verb ("affected" ~ "impacted")', () => {
    const set = [
      article('a', 'At least 40 deaths were reported in four provinces impacted by Storm Orla.', '2031-03-03'),
      article('b', 'More than 90 people across six provinces were killed as Storm Orla moved north.', '2031-03-06'),
    ];
    const { answer } = ask('How many provinces were affected?', set);
    expect(answer).toMatch(/six provinces/i);
    expect(answer).not.toMatch(/90/);
  });
});

describe('where someone is from', () => {
  const set = [
    article('a', 'Five workers were killed when the Tallis dam in Kessa gave way.\nAll of the men who died were migrants, from Norland, Corran and Brill.', '2031-03-03'),
    article('b', 'The victims were swept into the Tallis river near Kessa.', '2031-03-04'),
  ];
  it('"sail from" finds "travelled by ship from the X area", the name without its article', () => {
    const set = [article('a', 'About 2,000 Corran soldiers travelled by ship from the Tallis area to Brill this month.', '2031-03-03')];
    expect(ask('Where did the Corran soldiers sail from?', set).answer).toMatch(/^Tallis\./);
  });

  it('is the list after "from", kept whole, and "victims" finds "the men who died"', () => {
    const { answer } = ask('Where were the victims from?', set);
    expect(answer).toMatch(/^Norland, Corran and Brill\./);
    expect(answer).not.toMatch(/Kessa|Tallis/);
  });
});

describe('what someone called something', () => {
  it("is the named speaker's own naming of it, where the thing is only 'it'", () => {
    const set = [
      article('a', 'Minister Ana Vell said Corran troops had crossed into Brill, calling it "a grave provocation."', '2031-03-03'),
      article('b', 'Ana Vell met Brill leaders on Tuesday.', '2031-03-04'),
      article('c', 'Ana Vell will visit Corran next week.', '2031-03-05'),
      article('d', 'Brill is monitoring the situation, with army chief Orla Tam describing the mood as calm.', '2031-03-06'),
    ];
    const { answer } = ask('What did Ana Vell call the situation?', set);
    expect(answer).toMatch(/grave provocation/);
    expect(answer).not.toMatch(/calm/);
  });
});

describe('who does something', () => {
  it('"who runs X" is X\'s chief executive or head', () => {
    const set = [article('a', 'Norcorp CEO Ana Vell said the update would ship on Monday.\nMicrosoft Windows machines in Kessa crashed.', '2031-03-03')];
    expect(ask('Who runs Norcorp?', set).answer).toMatch(/^Ana Vell\./);
  });

  it('is the body that does it when no person is named', () => {
    const set = [article('a', 'The U.N. Department of Transport is investigating the response of Brill Air to the outage.', '2031-03-03')];
    expect(ask('Who is investigating Brill Air?', set).answer).toMatch(/^U\.N\. Department of Transport\./);
  });

  it('is not the body that does it to something else the question does not name', () => {
    const set = [article('a', 'The U.N. Department of Transport is investigating the response of Brill Air to the Norcorp outage.\nNorcorp said its update caused the outage.', '2031-03-03')];
    expect(ask('Who is investigating Norcorp?', set).found).toBe(false);
  });
});

describe('the first of several events', () => {
  it('is the event, not the first report of its size: "the magnitude of the first quake"', () => {
    const set = [
      article('a', 'A magnitude 7.4 earthquake struck Kessa early on Monday, the Norland agency said.', '2031-03-03'),
      article('b', 'A 7.8-magnitude earthquake hit Kessa and Brill on Monday, the geological survey said.\nA second quake of magnitude 7.5 followed hours later.', '2031-03-04'),
      article('c', 'The 7.8 magnitude quake was the strongest in Kessa in a century.', '2031-03-05'),
    ];
    const { answer } = ask('What was the magnitude of the first quake?', set);
    expect(answer).toMatch(/^7\.8 /);
    expect(answer).not.toMatch(/hit|Kessa/);
  });
});

describe('a ratio', () => {
  const set = [article('a', 'The outage affected one in four Norcorp 500 companies, the Brill insurer said.\nAbout 75% of top banks reported disruptions.', '2031-03-03')];
  it('never counts its whole: "one in four companies" is not four companies', () => {
    expect(ask('How many Norcorp 500 companies were affected?', set).answer).not.toMatch(/^Four/i);
  });

  it('answers a share, shown whole with what it counts, and a share of something else does not', () => {
    const { answer } = ask('What share of Norcorp 500 companies were affected?', set);
    expect(answer).toMatch(/^One in four Norcorp 500 companies/);
    expect(answer).not.toMatch(/75%/);
  });
});

describe('how strong, asked of a name alone', () => {
  const set = [article('a', 'Storm Orla made landfall in Kessa as a Category 3 hurricane with winds of 120 mph.', '2031-03-03')];
  it('"what was Orla\'s strength" is its category, shown with the word it names', () => {
    expect(ask("What was Orla's strength at landfall?", set).answer).toMatch(/^Category 3 /);
  });

  it('"how strong were the winds" is still their speed', () => {
    expect(ask('How strong were the winds at landfall?', set).answer).toMatch(/120 mph/);
  });
});

describe('what a source thinks will happen', () => {
  it("is that source's projection, not the latest count", () => {
    const set = [
      article('a', "Norland's defence ministry projects that the number of Corran troops sent to Brill could reach around 9,000.", '2031-03-03'),
      article('b', 'The Brill army said an estimated 4,000 Corran troops had been sent to Brill, up from 1,500.', '2031-03-05'),
    ];
    const { answer } = ask('How many Corran troops does Norland think will be sent?', set);
    expect(answer).toMatch(/9,000/);
    expect(answer).not.toMatch(/4,000/);
  });
});

describe('which place of a kind', () => {
  it('is a name that says its kind, with no preposition before it ("The Brill County Sheriff\'s Office revised …")', () => {
    const set = [
      article('a', 'Two of five deaths reported in Kessa County were drownings.', '2031-03-03'),
      article('b', "The Brill County Sheriff's Office revised the death toll down to 42, having earlier reported 72.", '2031-03-08'),
    ];
    expect(ask('Which county revised its death toll?', set).answer).toMatch(/^Brill County\./);
  });
});

describe('words put otherwise, for numbers', () => {
  it('"how much money did X lose" is X\'s loss, any amount; the counted noun ends before "due to"', () => {
    const set = [article('a', 'Brill Air incurred a $40 million loss due to the Norcorp outage.', '2031-03-03')];
    expect(ask('How much money did Brill Air lose?', set).answer).toMatch(/^\$40 million loss\./);
  });

  it('"badly damaged" finds "severely damaged"', () => {
    const set = [article('a', 'The Norland government said 9,000 buildings have so far been recorded as collapsed or severely damaged in Kessa.', '2031-03-03')];
    expect(ask('How many buildings collapsed or were badly damaged?', set).answer).toMatch(/9,000/);
  });
});

describe('a place the question asks about', () => {
  it('must be named near the figure, not where the sentence ends up ("… killing 284, and sending tremors felt as far as Brill")', () => {
    const set = [
      article('a', 'A 7.1-magnitude earthquake hit Kessa early on Monday, killing at least 284 people, leveling buildings while many slept, and sending tremors that were felt as far away as Brill.', '2031-03-03'),
      article('b', 'Rescuers in Kessa searched the rubble.', '2031-03-04'),
    ];
    expect(ask('How many people died in Brill?', set).found).toBe(false);
  });
});

describe('what someone called something, with no naming verb', () => {
  it("is that person's own sentence about it", () => {
    const set = [article('a', 'Brill Air\'s CEO, Ana Vell, wrote in the filing: "A disruption of this length is unacceptable."\nThe airline cancelled 900 flights.', '2031-03-03')];
    expect(ask("What did Brill Air's CEO call the disruption?", set).answer).toMatch(/unacceptable/);
  });
});

describe('a size or an amount in a unit of measurement', () => {
  const set = [
    article('a', 'The quake struck at 4:10 a.m. at a depth of about 12.4 kilometers near the town of Tallis, home to around 90,000 people.', '2031-03-03'),
    article('b', 'The Orla channel has been dredged to 400 feet wide and 40 feet deep.\nIn Corran, nearly 11 inches of rain fell over two days.', '2031-03-04'),
  ];
  it('answers "how deep" with a length: "a depth of 12.4 kilometers", "40 feet deep" and not the width', () => {
    expect(ask('How deep was the quake?', set).answer).toMatch(/12\.4/);
    const channel = ask('How deep is the Orla channel?', set).answer;
    expect(channel).toMatch(/40/);
    expect(channel).not.toMatch(/400/);
  });
  it('answers "how much rain fell" with the amount of rain in its unit', () => {
    expect(ask('How much rain fell on Corran?', set).answer).toMatch(/11 inches/);
  });
  it('does not read "how high could the toll go" as a height', () => {
    expect(ask('How high could the death toll go?', set).found).toBe(false);
  });
});

describe('words questions use for the articles\' own', () => {
  it('finds "manually reset" for "reset by hand" and "removed the final piece" for "pulled out the last piece"', () => {
    const set = [
      article('a', 'To get back online, Brill Air had to manually reset 30,000 servers.', '2031-03-03'),
      article('b', 'Crews removed the final piece of wreckage from the Orla channel on June 9.', '2031-03-04'),
    ];
    expect(ask('How many servers did Brill Air reset by hand?', set).answer).toMatch(/30,000/);
    expect(ask('When was the last piece of wreckage pulled out of the channel?', set).answer).toMatch(/June 9/);
  });
});

describe('who called something so', () => {
  const set = [
    article('a', 'Norland transport officials say the new Orla bridge would cost $2 billion and would not open until the fall of 2034.', '2031-03-03'),
    article('b', 'Former Norland Gov. Ana Vell says the anticipated timeline is "unacceptable."\nWork on the new bridge began in May.', '2031-03-04'),
    article('c', 'The new bridge will carry six lanes across the Orla.', '2031-03-05'),
  ];
  it('is who said it in quoted words, not who gave a number the question names, and not the title before the name', () => {
    const { answer } = ask('Who called the 2034 timeline for the new bridge unacceptable?', set);
    expect(answer).toMatch(/^Ana Vell\b/);
  });
});

describe('how much someone lost, according to a report', () => {
  const set = [
    article('a', 'The outage cost Fortune 500 companies $4.1 billion, according to a new report by insurer Vellum.\nThe report is among the first to count the cost, according to Norland Wire.\nThe average loss per company was about $30 million. Airlines were also hit hard, losing about $610 million.', '2031-03-03'),
    article('b', 'Brill Air cancelled 900 flights.', '2031-03-04'),
  ];
  it('is the loss of who the question names, from a sentence the report\'s findings run on to', () => {
    const { answer } = ask('How much did airlines lose, according to Vellum?', set);
    expect(answer).toMatch(/610 million/);
  });
  it('is never a total the sentence gives no one with that name', () => {
    const total = [article('c', 'The outage led to losses of $4.1 billion for Fortune 500 companies, Vellum said.\nAirlines cancelled 900 flights on Friday.', '2031-03-05'), set[1]!];
    expect(ask('How much did airlines lose from the outage?', total).found).toBe(false);
  });
});

describe('what someone referred to something as', () => {
  it('is their naming, in a sentence that names them by their role after the one that names them', () => {
    const set = [
      article('a', 'Vell said 9,000 were injured in the quake.\nThe Norland president, who has referred to the quake as "the disaster of the age," said 2,000 people were still in hospital.', '2031-03-03'),
      article('b', 'Rescuers in Kessa searched the rubble.', '2031-03-04'),
    ];
    expect(ask('What did Vell call the quake?', set).answer).toMatch(/disaster of the age/);
  });
});

describe('who heads something', () => {
  it('is the name before "who heads" it ("Ana Vell, who heads the NORDA agency, said …")', () => {
    const set = [
      article('a', 'Ana Vell, who heads the NORDA agency, said an additional 9,000 people were injured in Norland.', '2031-03-03'),
      article('b', 'Rescuers in Kessa searched the rubble, NORDA said.', '2031-03-04'),
    ];
    expect(ask("Who heads Norland's NORDA disaster agency?", set).answer).toMatch(/^Ana Vell/);
  });
});

describe('where something was headed', () => {
  const set = [
    article('a', 'The Orla, a cargo ship on its way to Port Tallis, lost power after leaving Corran and hit the bridge.', '2031-03-03'),
    article('b', 'Divers searched the Corran channel for the Orla crew.', '2031-03-04'),
  ];
  it('is the place after "on its way to", not where it left', () => {
    const { answer } = ask('Where was the Orla headed when it hit the bridge?', set);
    expect(answer).toMatch(/^Port Tallis/);
  });
  it('is no answer when no sentence says where it was going', () => {
    expect(ask('Where was the Orla headed?', [set[1]!]).found).toBe(false);
  });
});

describe('when, given as a month alone', () => {
  it('is the month: "In June, Norland and Brill signed a defense pact"', () => {
    const set = [
      article('a', 'In June, Norland and Brill signed a mutual defense pact.', '2031-10-03'),
      article('b', 'Brill troops arrived in Norland in October.', '2031-10-04'),
    ];
    expect(ask('When did Norland and Brill sign their mutual defense pact?', set).answer).toMatch(/^June\b/);
  });
});

describe('why something was delayed', () => {
  it('is what needs more time than planned, in the sentences after the delay, before a cause of something else', () => {
    const set = [
      article('a', [
        'The Orla bridge will now cost $3 billion, with completion pushed back to late 2036, two years later than first projected.',
        'The agency says safety rules and detailed engineering work require more time than initially anticipated.',
        'The new design includes barriers around the towers to guard against future collisions, like the one caused by the Kessa.',
      ].join('\n'), '2031-03-03'),
      article('b', 'The Orla bridge collapsed in March.', '2031-03-04'),
    ];
    expect(ask('Why has completion of the new Orla bridge been pushed back?', set).answer).toMatch(/require more time/);
  });
});

describe('an earlier figure before one the question names', () => {
  it('is the value its sentence says was given before ("had previously put the toll at 500")', () => {
    const set = [
      article('a', 'The confirmed death toll from the weekend flooding stood at 61 on Sunday, according to health officials.', '2031-03-02'),
      article('b', 'Health officials previously had put the death toll in Tallis at 500.\nThe Kessa Red Cross said 900 people had died in Tallis.', '2031-03-05'),
      article('c', 'Rescuers in Tallis searched the mud for survivors.', '2031-03-06'),
    ];
    const { answer } = ask("Before the Red Cross's 900 figure, what death toll had health officials given for Tallis?", set);
    expect(answer).toMatch(/^500\b/);
  });
});

describe('a figure of an earlier event the question names', () => {
  const set = [
    article('a', 'Orla is the second deadliest storm to hit Norland in 50 years, behind only Storm Kessa, which killed at least 1,800 people in 1990.', '2031-10-03'),
    article('b', 'The death toll from Storm Orla has risen to 230, officials said.', '2031-10-05'),
    article('c', 'Storm Orla left 40,000 homes without power.', '2031-10-06'),
  ];
  it('answers a question about that event, even "according to the coverage"', () => {
    expect(ask('How many people did Storm Kessa kill, according to the coverage comparing it with Orla?', set).answer).toMatch(/1,800/);
  });
  it('still never answers for the story itself', () => {
    expect(ask('How many people has Storm Orla killed?', set).answer).not.toMatch(/1,800/);
  });
});

describe('how many of a thing, done by someone the sentence names by title', () => {
  const set = [
    article('a', 'Norland President Ana Vell visited the quake zone on Monday.', '2031-02-06'),
    article('b', "Meanwhile, the country's president on Tuesday declared a three-month state of emergency for 10 of the provinces hit by the quake.", '2031-02-07'),
    article('c', 'Rescuers in Kessa searched the rubble.', '2031-02-08'),
  ];
  it('reads "10 of the provinces" as ten provinces, and "the country\'s president" as the president the set names', () => {
    expect(ask('How many provinces did Vell put under the state of emergency?', set).answer).toMatch(/^10 provinces/);
  });
  it('never takes a title that names someone else ("the president, Tomas Brill,")', () => {
    const other = [set[0]!, article('b', 'Meanwhile, the president, Tomas Brill, declared a state of emergency for 10 of the provinces hit by the quake.', '2031-02-07'), set[2]!];
    expect(ask('How many provinces did Vell put under the state of emergency?', other).found).toBe(false);
  });
});

describe('a source asked by its acronym', () => {
  const set = [
    article('a', 'The Regional Flood Authority has stated that the death toll could rise to around 900.', '2031-03-03'),
    article('b', 'Rescuers in Kettle Ford searched the mud for survivors. The Alden Safety Board chair Ana Vell held a news conference on Tuesday.', '2031-03-04'),
  ];
  it('is found where the set spells it out: "the RFA" is the Regional Flood Authority', () => {
    expect(ask('What did the RFA project?', set).answer).toMatch(/900/);
    expect(ask('What did the RFA say?', set).answer).toMatch(/Regional Flood Authority/);
  });
  it('still needs what was asked: "what did the ASB find?" is not answered by its chair holding a news conference', () => {
    expect(ask('What did the ASB find?', set).found).toBe(false);
    expect(ask('What did the Alden Safety Board find?', set).found).toBe(false);
  });
});

describe('what someone called a thing', () => {
  it('is what they dismissed or branded it as: "dismissing them as idle talk" answers "what did the ministry call the reports?"', () => {
    const set = [
      article('a', 'Corran denied reports of Norland soldiers in the valley, with a Corran foreign ministry spokeswoman dismissing them as "idle talk."', '2031-03-03'),
      article('b', 'Rescuers in Kettle Ford searched the mud for survivors.', '2031-03-04'),
    ];
    expect(ask("What did Corran's foreign ministry call the reports?", set).answer).toMatch(/idle talk/);
  });
});
