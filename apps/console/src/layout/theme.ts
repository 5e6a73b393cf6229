import { defaultTheme, type RaThemeOptions } from 'react-admin';

const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Roboto", "Helvetica", "Arial", sans-serif';

/** A sober government palette: deep red for the brand (app bar), slate blue for actions. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    // blue for actions and focus (a red focused field would read as an error); the brand red is the app bar
    primary: { main: '#2f5286' },
    secondary: { main: '#9f1c1c' },
    background: { default: '#f6f6f4' },
  },
  typography: { ...defaultTheme.typography, fontFamily: FONT },
  shape: { borderRadius: 6 },
  sidebar: { width: 232, closedWidth: 55 },
};
