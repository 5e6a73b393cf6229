import { type KeyboardEvent } from 'react';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

const FONT =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Roboto", "Helvetica", "Arial", sans-serif';

const READABLE_MESSAGE = { opacity: 1, color: 'rgba(0, 0, 0, 0.66)' };

/** A sober government palette: deep red for the brand (app bar), slate blue for actions. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    // blue for actions and focus (a red focused field would read as an error); the brand red is the app bar
    primary: { main: '#2f5286' },
    secondary: { main: '#9f1c1c' },
    background: { default: '#f6f6f4' },
    // MUI's orange and light blue are under 4.5:1 on white as text (outlined chips, links): darker ones
    warning: { main: '#a45200' },
    info: { main: '#01579b' },
    // MUI's red is under 4.5:1 on a filled field's grey and on the form toolbar: a darker one
    error: { main: '#b71c1c' },
  },
  typography: { ...defaultTheme.typography, fontFamily: FONT },
  components: {
    ...defaultTheme.components,
    // react-admin's row checkbox puts its aria-label on the checkbox's outer span, where it names nothing:
    // move it to the input, which then has a name (axe: aria-prohibited-attr, label)
    // a row that opens its record (or toggles its selection) on click does it on Enter too, once Tab has reached it
    RaDataTableRow: {
      defaultProps: {
        tabIndex: 0,
        onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => {
          if (
            event.key === 'Enter' &&
            event.target === event.currentTarget &&
            event.currentTarget.classList.contains('RaDataTable-clickableRow')
          )
            event.currentTarget.click();
        },
      },
    },
    // react-admin draws the messages of an empty list, a refused or a missing page at half opacity, under 4.5:1:
    // full opacity, the secondary text colour
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': READABLE_MESSAGE } } },
    RaAccessDenied: { styleOverrides: { root: { '& .RaAccessDenied-message': READABLE_MESSAGE } } },
    RaNotFound: { styleOverrides: { root: { '& .RaNotFound-message': READABLE_MESSAGE } } },
    RaAuthError: { styleOverrides: { root: { '& .RaAuthError-message': READABLE_MESSAGE } } },
    RaAuthenticationError: { styleOverrides: { root: { '& .RaAuthenticationError-message': READABLE_MESSAGE } } },
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: () => ({ 'aria-label': undefined }),
          input: (ownerState: { 'aria-label'?: string }) =>
            ownerState['aria-label'] ? { 'aria-label': ownerState['aria-label'] } : {},
        },
      },
    },
  },
  shape: { borderRadius: 6 },
  sidebar: { width: 232, closedWidth: 55 },
};
