import {
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandOptionsOnlyBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';

/** Option names shared by the handler and the definitions. */
export const optionNames = { topic: 'topic', public: 'public', question: 'question', url: 'url', time: 'time', timezone: 'timezone' } as const;

/** The command request's own limits (`commandRequestSchema`): Discord enforces them before we see the text. */
const maxText = 2000;
const maxTopic = 100;

type WithOptions = SlashCommandBuilder | SlashCommandOptionsOnlyBuilder | SlashCommandSubcommandBuilder;

function topicOption<T extends WithOptions>(builder: T): T {
  builder.addStringOption((o) =>
    o.setName(optionNames.topic).setDescription('The story (topic) to use; defaults to the main one').setAutocomplete(true).setMaxLength(maxTopic),
  );
  return builder;
}

function publicOption<T extends WithOptions>(builder: T): T {
  builder.addBooleanOption((o) => o.setName(optionNames.public).setDescription('Post the reply in the channel for everyone (default: only you see it)'));
  return builder;
}

function command(name: string, description: string): SlashCommandBuilder {
  // Guild channels only: digests and permissions are per channel, and a team briefs in its server.
  return new SlashCommandBuilder().setName(name).setDescription(description).setContexts(InteractionContextType.Guild);
}

/**
 * The slash commands Sitrep registers (`npm run register:discord`), as the JSON bodies of
 * Discord's bulk-overwrite endpoint. Each maps to one neutral command; `topic` autocompletes from
 * the loaded topics; `public` shares the reply, which is otherwise ephemeral.
 */
export function slashCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const brief = publicOption(topicOption(command('brief', 'Key points of the story, merged across sources, with the key numbers')));
  const ask = publicOption(
    topicOption(
      command('ask', 'A direct answer with its source').addStringOption((o) =>
        o.setName(optionNames.question).setDescription('Your question, e.g. latest estimate').setRequired(true).setMaxLength(maxText),
      ),
    ),
  );
  const numbers = publicOption(topicOption(command('numbers', 'Every key figure: latest value, earlier values, projections, who said it')));
  const sources = publicOption(topicOption(command('sources', 'The articles in the set, and any files or feeds that failed')));
  const help = command('help', 'What Sitrep can do, with examples');
  const digest = command('digest', 'A daily digest of what changed, posted in this channel')
    .addSubcommand((s) =>
      topicOption(
        s
          .setName('subscribe')
          .setDescription('Post a daily digest here (needs Manage Channels)')
          .addStringOption((o) => o.setName(optionNames.time).setDescription('Time of day, e.g. 08:00 or 8am (default 08:00)').setMaxLength(20))
          .addStringOption((o) => o.setName(optionNames.timezone).setDescription('IANA time zone, e.g. Europe/Kyiv (default UTC)').setMaxLength(64)),
      ),
    )
    .addSubcommand((s) => topicOption(s.setName('unsubscribe').setDescription('Stop the digest here (needs Manage Channels)')))
    .addSubcommand((s) => s.setName('status').setDescription('Which digests this channel gets, and when'))
    .addSubcommand((s) => publicOption(topicOption(s.setName('now').setDescription('Preview the next digest'))));
  const add = topicOption(
    command('add', 'Fetch an article and add it to the topic').addStringOption((o) =>
      o.setName(optionNames.url).setDescription('The article link, http(s)').setRequired(true).setMaxLength(maxText),
    ),
  );
  return [brief, ask, numbers, sources, help, digest, add].map((c) => c.toJSON());
}
