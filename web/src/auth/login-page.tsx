import { useEffect, useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { AuthLayout } from './auth-layout.tsx';

/** Only same-site app paths are accepted as the place to return to. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/app/') && !next.startsWith('//') ? next : '/app/queues/unanswered';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .setupStatus()
      .then((status) => {
        if (status.needsSetup) navigate('/setup', { replace: true });
      })
      .catch(() => undefined);
  }, [navigate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login({ email, password });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('login.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            required
            type="email"
            autoComplete="username"
            label={t('login.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="login-email"
          />
          <PasswordInput
            required
            autoComplete="current-password"
            label={t('login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="login-password"
          />
          <ErrorAlert error={error} />
          <Button type="submit" loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
