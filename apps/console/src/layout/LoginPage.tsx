import { Alert, Box, Typography } from '@mui/material';
import { Login, LoginForm, LocalesMenuButton, useTranslate } from 'react-admin';
import { sessionLostOnLoad } from '../auth/signed-out-start';

/** The sign-in page: the product's name, a one-line purpose, the language switch, why a session ended, and the form. */
export function LoginPage() {
  const translate = useTranslate();
  // the session the server refused (expired, revoked) is why the form is shown
  const sessionLost = sessionLostOnLoad();
  return (
    <Login sx={{ background: 'linear-gradient(160deg, #9f1c1c 0%, #5e1111 55%, #32507a 100%)' }}>
      <Box sx={{ px: 3, pt: 1, textAlign: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {translate('pingyi.app.subtitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('pingyi.auth.welcome')}
        </Typography>
        <Box sx={{ mt: 1 }}>
          <LocalesMenuButton />
        </Box>
        {sessionLost && (
          <Alert severity="info" sx={{ mt: 1, textAlign: 'left' }}>
            {translate('pingyi.auth.session_expired')}
          </Alert>
        )}
      </Box>
      <LoginForm />
    </Login>
  );
}
