/**
 * A title's last word, the word just before a person's name: "Defense Secretary", "fire service
 * spokeswoman", "Gov.". The lead line names the person without it (`leadLine`), and a second
 * reference drops it (`secondReferences`).
 */
export const titleWord = String.raw`(?:[Ss]ecretary(?:-[Gg]eneral)?(?: of (?:State|Defen[cs]e|the \w+))?|[Mm]inister|[Pp]resident|[Ss]pokes(?:man|woman|person)|[Gg]overnor|Gov\.|[Mm]ayor|[Dd]irector|[Cc]hief|[Cc]ommissioner|[Ss]enator|Sen\.|Rep\.|[Cc]hancellor|[Pp]remier|[Aa]mbassador|[Gg]eneral|Gen\.|[Aa]dministrator|[Ss]heriff|[Cc]ommander|[Oo]fficer|[Oo]fficial|[Aa]dvis[eo]r|CEO|[Cc]hair(?:man|woman)?)`;
