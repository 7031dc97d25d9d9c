// A customer entered or corrected by hand (issue 16): name, e-mail, phone, language. The same form
// for both; an address another customer has is named on its field, not in a general alert.
import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerView } from '@kept/contract/api-types.ts';
import { ApiFailure } from '../api/api-client.ts';
import { customerApi } from '../api/customer-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormat } from '../i18n/use-format.ts';

const LANGUAGES = ['en', 'ar', 'he', 'ru'];

interface Fields {
  name: string;
  email: string;
  phone: string;
  language: string | null;
}

const fieldsOf = (c?: CustomerView): Fields => ({
  name: c?.name ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  language: c?.language ?? null,
});

/** The modal form; `customer` set means an edit of that customer, else a new one. */
export function CustomerFormModal({
  opened,
  onClose,
  customer,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  customer?: CustomerView;
  onSaved: (saved: CustomerView) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(customer));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<Fields>) => setFields((current) => ({ ...current, ...patch }));
  const emailTaken = error instanceof ApiFailure && error.code === 'customer.email_taken';
  const ready = fields.name.trim() !== '' && (fields.email.trim() !== '' || fields.phone.trim() !== '');

  const submit = async () => {
    setBusy(true);
    setError(null);
    const name = fields.name.trim();
    const email = fields.email.trim();
    const phone = fields.phone.trim();
    try {
      const saved = customer
        ? await customerApi.update(customer.id, {
            name,
            email: email || null,
            phone: phone || null,
            language: fields.language,
          })
        : await customerApi.create({
            name,
            ...(email ? { email } : {}),
            ...(phone ? { phone } : {}),
            ...(fields.language ? { language: fields.language } : {}),
          });
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={customer ? t('customeredit.editTitle') : t('customeredit.newTitle')}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready && !busy) void submit();
        }}
      >
        <Stack gap="sm" data-testid="customer-form">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('deskviews.customer.name')}
              value={fields.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              dir="auto"
              required
              maxLength={200}
              data-testid="customer-form-name"
            />
            <TextInput
              label={t('deskviews.customer.email')}
              type="email"
              value={fields.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
              dir="ltr"
              maxLength={254}
              error={emailTaken ? t('customeredit.emailTaken') : undefined}
              data-testid="customer-form-email"
            />
            <TextInput
              label={t('deskviews.customer.phone')}
              type="tel"
              value={fields.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              dir="ltr"
              maxLength={40}
              data-testid="customer-form-phone"
            />
            <Select
              label={t('deskviews.customer.language')}
              data={LANGUAGES.map((code) => ({ value: code, label: format.languageName(code) }))}
              value={fields.language}
              onChange={(language) => set({ language })}
              clearable
              data-testid="customer-form-language"
            />
          </SimpleGrid>
          {!ready && fields.name.trim() !== '' && (
            <Text size="xs" c="dimmed" data-testid="customer-form-contact-needed">
              {t('customeredit.contactNeeded')}
            </Text>
          )}
          {!emailTaken && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!ready} data-testid="customer-form-submit">
              {customer ? t('customeredit.save') : t('customeredit.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "New customer" on the customer list: the new customer opens once saved. */
export function NewCustomerButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="new-customer-open">
        {t('customeredit.newButton')}
      </Button>
      {opened && (
        <CustomerFormModal
          opened
          onClose={() => setOpened(false)}
          onSaved={(saved) => {
            setOpened(false);
            navigate(`/app/customers/${saved.id}`);
          }}
        />
      )}
    </>
  );
}

/** "Edit" on the customer page; the page reads the customer again once saved. */
export function EditCustomerButton({ customer, onSaved }: { customer: CustomerView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" size="xs" onClick={() => setOpened(true)} data-testid="customer-edit-open">
        {t('customeredit.editButton')}
      </Button>
      {opened && (
        <CustomerFormModal
          opened
          customer={customer}
          onClose={() => setOpened(false)}
          onSaved={() => {
            setOpened(false);
            onSaved();
          }}
        />
      )}
    </>
  );
}
