import { FileInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/api-client.ts';
import { fileLimitBroken, PORTAL_FILE_LIMITS } from '../api/portal-files.ts';

/** "Attach files" under a portal message: the limits said up front and checked before sending. */
export function PortalFilesInput({ value, onChange }: { value: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const broken = fileLimitBroken(value);
  return (
    <FileInput
      multiple
      clearable
      label={t('answering.files.label')}
      description={t('answering.files.limits', {
        files: PORTAL_FILE_LIMITS.files,
        each: PORTAL_FILE_LIMITS.bytesEach / 1024 / 1024,
      })}
      placeholder={t('answering.files.placeholder')}
      value={value}
      onChange={onChange}
      error={broken ? t(`answering.files.${broken}`) : undefined}
      data-testid="portal-files"
    />
  );
}

/** A refused file, said in words the customer understands (the generic error speaks of text). */
export function PortalFileError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiFailure) || !error.field?.startsWith('attachments')) return null;
  const index = /^attachments\.(\d+)/.exec(error.field)?.[1];
  const which = index === undefined ? '' : ` (${Number(index) + 1})`;
  const reason = error.code === 'request.unsupported_media_type' ? 'refusedType' : 'size';
  return (
    <Text size="sm" c="red.8" role="alert" data-testid="portal-file-error">
      {t(`answering.files.${reason}`)}
      {which}
    </Text>
  );
}

/** Whether an error is about a file (shown by PortalFileError instead of the general alert). */
export const isFileError = (error: unknown) => error instanceof ApiFailure && !!error.field?.startsWith('attachments');
