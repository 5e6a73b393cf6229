// The repository's Prettier settings, and GraphQL documents left as written: graphql() documents keep
// the console's compact layout (a selection on one line while it fits) rather than one field a line.
import root from '../../.prettierrc.json' with { type: 'json' };

export default { ...root, embeddedLanguageFormatting: 'off' };
