import BrokenImageIcon from '@mui/icons-material/BrokenImage';
import { Box, CircularProgress, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';

/**
 * Crops of the scans (PNG behind the session's token) as object URLs, kept
 * for the page's life so that stepping back and forth shows them at once,
 * and released when the page closes. `load` also serves to fetch the next
 * crop ahead.
 */
export function useCropLoader(): (url: string) => Promise<string> {
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const cache = useRef(new Map<string, Promise<string>>());
  useEffect(() => {
    const held = cache.current;
    return () => {
      for (const pending of held.values())
        void pending.then(
          (objectUrl) => URL.revokeObjectURL(objectUrl),
          () => undefined,
        );
      held.clear();
    };
  }, []);
  return useCallback(
    (url: string) => {
      let pending = cache.current.get(url);
      if (!pending) {
        pending = dataProvider.rest(url).then(async (response) => URL.createObjectURL(await response.blob()));
        // a failed fetch is tried again the next time the crop is shown
        pending.catch(() => cache.current.delete(url));
        cache.current.set(url, pending);
      }
      return pending;
    },
    [dataProvider],
  );
}

/** One crop of a scanned sheet, large, with a text for screen readers; a spinner while it loads. */
export function CropImage({ url, alt, load }: { url: string; alt: string; load: (url: string) => Promise<string> }) {
  const translate = useTranslate();
  const [shown, setShown] = useState<{ url: string; src: string | null; failed: boolean }>({
    url: '',
    src: null,
    failed: false,
  });
  useEffect(() => {
    let live = true;
    load(url).then(
      (src) => live && setShown({ url, src, failed: false }),
      () => live && setShown({ url, src: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [url, load]);
  const current = shown.url === url;
  return (
    <Box
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: '#fff',
        minHeight: 220,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        p: 1,
      }}
      data-testid="scan-crop"
    >
      {current && shown.src ? (
        <Box
          component="img"
          src={shown.src}
          alt={alt}
          sx={{ maxWidth: '100%', maxHeight: '60vh', objectFit: 'contain', imageRendering: 'auto' }}
        />
      ) : current && shown.failed ? (
        <Typography color="error" role="alert" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <BrokenImageIcon /> {translate('pingyi.scan.crop_failed')}
        </Typography>
      ) : (
        <CircularProgress aria-label={translate('pingyi.common.loading')} />
      )}
    </Box>
  );
}
