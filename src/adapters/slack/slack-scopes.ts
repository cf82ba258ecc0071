/** The bot scopes Sitrep asks for: the install link's `scope` and slack/manifest.json's, one list. */
export const slackBotScopes = ['commands', 'chat:write', 'chat:write.public', 'files:write', 'users:read', 'channels:history', 'groups:history'] as const;
