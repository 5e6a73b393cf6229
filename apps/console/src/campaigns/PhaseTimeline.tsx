import { Box, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { type Phase } from './campaign-values';

const DAY = 86_400_000;
// white text on each is at least 4.5:1; a phase other than today's is a tint of its colour with dark text
const COLORS: Record<string, string> = {
  mobilization: '#3f5f8f',
  implementation: '#2f6b4c',
  appraisal: '#8a5a00',
  rectification: '#9f1c1c',
};
const PALETTE = ['#3f5f8f', '#2f6b4c', '#8a5a00', '#9f1c1c', '#5e4585', '#2f6470'];
const tint = (hex: string): string => `color-mix(in srgb, ${hex} 18%, #fff)`;

/** Days from `a` to `b` (YYYY-MM-DD, calendar days). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** Today as YYYY-MM-DD in the campaign's time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/**
 * The campaign's phases as a horizontal timeline scaled to their length, with
 * a marker at today and the days left in the current phase.
 */
export function PhaseTimeline({
  phases,
  timeZone = 'Asia/Shanghai',
  today,
}: {
  phases: readonly Phase[];
  timeZone?: string;
  today?: string;
}) {
  const translate = useTranslate();
  if (!phases.length) return null;
  const now = today ?? todayIn(timeZone);
  const start = phases[0]?.start ?? now;
  const end = phases[phases.length - 1]?.end ?? now;
  const total = Math.max(1, daysBetween(start, end) + 1);
  const offset = daysBetween(start, now);
  const current = phases.find((phase) => phase.start <= now && now <= phase.end);
  const before = now < start;
  return (
    <Box data-testid="phase-timeline">
      <Box sx={{ position: 'relative', display: 'flex', height: 44, borderRadius: 1, overflow: 'hidden', mt: 3 }}>
        {phases.map((phase, index) => {
          const days = daysBetween(phase.start, phase.end) + 1;
          const active = phase === current;
          const colour = COLORS[phase.code] ?? PALETTE[index % PALETTE.length] ?? '#3f5f8f';
          return (
            <Tooltip
              key={phase.code}
              title={`${phase.label}: ${phase.start} – ${phase.end} (${translate('pingyi.campaign.days', { smart_count: days })})`}
            >
              <Box
                sx={{
                  flex: `${days} 0 0`,
                  bgcolor: active ? colour : tint(colour),
                  color: active ? '#fff' : '#1f1f1f',
                  px: 1,
                  display: 'flex',
                  flexDirection: 'column',
                  justifyContent: 'center',
                  borderRight: '2px solid #fff',
                  // a short phase keeps its whole name and dates
                  minWidth: 'max-content',
                }}
              >
                <Typography variant="body2" noWrap sx={{ fontWeight: active ? 700 : 500 }}>
                  {phase.label}
                </Typography>
                <Typography variant="caption" noWrap>
                  {phase.start.slice(5)} – {phase.end.slice(5)}
                </Typography>
              </Box>
            </Tooltip>
          );
        })}
        {offset >= 0 && offset < total && (
          <Box
            sx={{
              position: 'absolute',
              left: `${(100 * (offset + 0.5)) / total}%`,
              top: 0,
              bottom: 0,
              width: 3,
              bgcolor: '#111',
              opacity: 0.85,
            }}
          />
        )}
      </Box>
      {offset >= 0 && offset < total && (
        <Box sx={{ position: 'relative', height: 18 }}>
          <Typography
            variant="caption"
            sx={{
              position: 'absolute',
              left: `${(100 * (offset + 0.5)) / total}%`,
              transform: 'translateX(-50%)',
              whiteSpace: 'nowrap',
              fontWeight: 600,
            }}
          >
            {translate('pingyi.campaign.today', { date: now })}
          </Typography>
        </Box>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {current
          ? translate('pingyi.campaign.days_left', { phase: current.label, smart_count: daysBetween(now, current.end) })
          : before
            ? translate('pingyi.campaign.starts_in', { smart_count: daysBetween(now, start) })
            : now > end
              ? translate('pingyi.campaign.ended', { date: end })
              : translate('pingyi.campaign.between_phases')}
      </Typography>
    </Box>
  );
}
