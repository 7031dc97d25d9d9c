// A person's own preferences (issue 16), kept on the server so they follow the person to any browser.
import type { UserPreferences } from '@kept/contract/preference-types.ts';
import { request } from './api-client.ts';

export const preferenceApi = {
  get: () => request<UserPreferences>('/me/preferences'),
  save: (body: UserPreferences) => request<UserPreferences>('/me/preferences', { method: 'PUT', body }),
};
