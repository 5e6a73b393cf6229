import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface SourceLink {
  sourceType: string;
  sourceId: string | null;
  /** The opinion's or the finding's words (null for a gap check, or a record gone). */
  text: string | null;
}

/** An item's sources, one a line, by their words: 群众意见：窗口排队太久. */
export function SourceList({ sources }: { sources: readonly SourceLink[] }) {
  const translate = useTranslate();
  // sources without words (two gap checks) say their kind once
  const lines = [
    ...new Set(
      sources.map((s) =>
        s.text
          ? translate(`pingyi.rectification.source_with_text.${s.sourceType}`, { text: s.text })
          : translate(`pingyi.rectification.sources.${s.sourceType}`),
      ),
    ),
  ];
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="item-sources">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </Box>
  );
}
