import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { Button, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { isUiLanguage, LANGUAGES } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { AuthLayout } from './auth-layout.tsx';

export function SetupPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [form, setForm] = useState({ workspaceName: '', adminName: '', adminEmail: '', password: '' });
  const [language, setLanguage] = useState(isUiLanguage(i18n.language) ? i18n.language : 'en');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .setupStatus()
      .then((status) => {
        if (!status.needsSetup) navigate('/login', { replace: true });
      })
      .catch(() => undefined);
  }, [navigate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.setup({ ...form, language });
      navigate('/app/queues/unanswered', { replace: true });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.currentTarget.value }),
  });

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            required
            label={t('setup.workspaceName')}
            data-testid="setup-workspace"
            {...field('workspaceName')}
          />
          <TextInput required label={t('setup.adminName')} data-testid="setup-name" {...field('adminName')} />
          <TextInput
            required
            type="email"
            label={t('setup.adminEmail')}
            data-testid="setup-email"
            {...field('adminEmail')}
          />
          <PasswordInput
            required
            minLength={10}
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            data-testid="setup-password"
            {...field('password')}
          />
          <NativeSelect
            label={t('setup.language')}
            value={language}
            data-testid="setup-language"
            data={LANGUAGES.map((code) => ({ value: code, label: format.languageName(code) }))}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isUiLanguage(v)) setLanguage(v);
            }}
          />
          <ErrorAlert error={error} />
          <Button type="submit" loading={busy} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
