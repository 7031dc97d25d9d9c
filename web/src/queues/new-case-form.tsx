// A case opened by hand (issue 16): for a customer found by name, e-mail or phone, or a new one; a
// logged call, voicemail, letter or fax joins that customer's open case unless it is a new topic.
import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CHANNELS, LOGGED_CHANNELS, type Channel } from '@kept/contract/domain-words.ts';
import type { CustomerView } from '@kept/contract/api-types.ts';
import { deskFindApi, type NewCaseInput } from '../api/desk-find-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormat } from '../i18n/use-format.ts';

const LANGUAGES = ['en', 'ar', 'he', 'ru'];
const SEARCH_DELAY_MS = 300;

/** The customers a typed name, e-mail or phone finds, looked up once typing pauses. */
function useCustomerChoices(search: string): CustomerView[] {
  const [found, setFound] = useState<CustomerView[]>([]);
  useEffect(() => {
    let cancelled = false;
    const handle = setTimeout(() => {
      deskFindApi
        .customers(search.trim())
        .then((page) => !cancelled && setFound(page.customers.slice(0, 20)))
        .catch(() => !cancelled && setFound([]));
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(handle);
    };
  }, [search]);
  return found;
}

export function NewCaseButton() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [who, setWho] = useState<'existing' | 'new'>('existing');
  const [search, setSearch] = useState('');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [language, setLanguage] = useState<string | null>(null);
  const [channel, setChannel] = useState<Channel>('phone');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [newTopic, setNewTopic] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const customers = useCustomerChoices(opened && who === 'existing' ? search : '');

  const submit = async () => {
    const input: NewCaseInput = { channel, body, newTopic };
    if (subject.trim()) input.subject = subject.trim();
    if (who === 'existing' && customerId) input.customerId = customerId;
    if (who === 'new') {
      input.customer = { name: name.trim() };
      if (email.trim()) input.customer.email = email.trim();
      if (phone.trim()) input.customer.phone = phone.trim();
      if (language) input.customer.language = language;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await deskFindApi.openCase(input);
      setOpened(false);
      navigate(`/app/cases/${created.case.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const ready = body.trim() !== '' && (who === 'existing' ? customerId !== null : name.trim() !== '');

  return (
    <>
      <Button size="xs" onClick={() => setOpened(true)} data-testid="new-case-open">
        {t('deskviews.newCase.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('deskviews.newCase.title')} size="lg">
        <Stack gap="sm">
          <SegmentedControl
            value={who}
            onChange={(value) => setWho(value as 'existing' | 'new')}
            data={[
              { value: 'existing', label: t('deskviews.newCase.existing') },
              { value: 'new', label: t('deskviews.newCase.newCustomer') },
            ]}
            data-testid="new-case-who"
          />
          {who === 'existing' ? (
            <Select
              label={t('deskviews.newCase.customer')}
              placeholder={t('deskviews.newCase.findCustomer')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              data={customers.map((c) => ({
                value: c.id,
                label: [c.name, c.email ?? c.phone].filter(Boolean).join(' · '),
              }))}
              value={customerId}
              onChange={setCustomerId}
              data-testid="new-case-customer"
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('deskviews.customer.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                dir="auto"
                required
                data-testid="new-case-name"
              />
              <TextInput
                label={t('deskviews.customer.email')}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                dir="ltr"
                data-testid="new-case-email"
              />
              <TextInput
                label={t('deskviews.customer.phone')}
                type="tel"
                value={phone}
                onChange={(e) => setPhone(e.currentTarget.value)}
                dir="ltr"
              />
              <Select
                label={t('deskviews.customer.language')}
                data={LANGUAGES.map((code) => ({ value: code, label: format.languageName(code) }))}
                value={language}
                onChange={setLanguage}
                clearable
              />
            </SimpleGrid>
          )}
          <Select
            label={t('deskviews.newCase.channel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            value={channel}
            onChange={(value) => value && setChannel(value as Channel)}
            allowDeselect={false}
            data-testid="new-case-channel"
          />
          <TextInput
            label={t('deskviews.newCase.subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            maxLength={200}
            dir="auto"
            data-testid="new-case-subject"
          />
          <Textarea
            label={t('deskviews.newCase.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={3}
            dir="auto"
            required
            data-testid="new-case-body"
          />
          {LOGGED_CHANNELS.includes(channel) && (
            <Checkbox
              label={t('deskviews.newCase.newTopic')}
              checked={newTopic}
              onChange={(e) => setNewTopic(e.currentTarget.checked)}
            />
          )}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={busy} disabled={!ready} data-testid="new-case-submit">
              {t('deskviews.newCase.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
