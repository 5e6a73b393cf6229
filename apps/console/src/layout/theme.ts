import { defaultTheme, type RaThemeOptions } from 'react-admin';

const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Roboto", "Helvetica", "Arial", sans-serif';

/** A sober government palette: deep red for the brand, slate blue for actions. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#9f1c1c' },
    secondary: { main: '#32507a' },
    background: { default: '#f6f6f4' },
  },
  typography: { ...defaultTheme.typography, fontFamily: FONT },
  shape: { borderRadius: 6 },
  sidebar: { width: 232, closedWidth: 55 },
};
