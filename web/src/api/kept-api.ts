import type { ApiTokenListResponse } from '@kept/contract/api-token-types.ts';
import type { SupervisorSuspicionDismissed } from '@kept/contract/supervisor-suspicion-types.ts';
import type { UploadedFile } from './portal-files.ts';
import type {
  CaseDetailResponse,
  CaseListResponse,
  CaseStatus,
  CustomerDetailResponse,
  CustomerView,
  EscalationView,
  HellAssessment,
  CaseSummary,
  Language,
  MeResponse,
  PortalCaseView,
  PortalInfoResponse,
  PortalRequestCreated,
  PortalSessionResponse,
  PromiseKind,
  PromiseView,
  Role,
  ServiceMetricsResponse,
  TaskView,
  UnansweredResponse,
  UserView,
  WorkspaceSettings,
} from '@kept/contract/api-types.ts';
import type { Channel } from '@kept/contract/domain-words.ts';
import { queryString, request } from './api-client.ts';

export type CaseView = 'mine' | 'unassigned' | 'open' | 'escalated' | 'flagged' | 'complaints' | 'all';

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role: Role;
  languages: Language[];
  capacity: number;
  /** null or absent: in no team. */
  teamId?: string | null;
}

export interface NewMessage {
  direction: 'inbound' | 'outbound';
  channel: Channel;
  body: string;
  internal?: boolean;
  resolve?: boolean;
  attachments?: UploadedFile[];
}

export const api = {
  setupStatus: () => request<{ needsSetup: boolean }>('/setup/status', { public: true }),
  setup: (body: {
    workspaceName: string;
    adminName: string;
    adminEmail: string;
    password: string;
    language: Language;
  }) => request<MeResponse>('/setup', { method: 'POST', body, public: true }),
  login: (body: { email: string; password: string }) =>
    request<MeResponse>('/auth/login', { method: 'POST', body, public: true }),
  logout: () => request<void>('/auth/logout', { method: 'POST', public: true }),
  me: () => request<MeResponse>('/me'),

  users: () => request<{ users: UserView[] } | UserView[]>('/users').then(unwrapUsers),
  addUser: (body: NewUser) => request<UserView>('/users', { method: 'POST', body }),
  updateUser: (id: string, body: Partial<NewUser> & { active?: boolean }) =>
    request<UserView>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),

  settings: () => request<WorkspaceSettings>('/settings'),
  saveSettings: (body: WorkspaceSettings) => request<WorkspaceSettings>('/settings', { method: 'PUT', body }),
  createToken: (name: string) => request<{ token: string }>('/tokens', { method: 'POST', body: { name } }),
  tokens: async () => (await request<ApiTokenListResponse>('/tokens')).tokens,
  revokeToken: (id: string) => request<void>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  cases: (view: CaseView, q?: string) => request<CaseListResponse>(`/cases${queryString({ view, q })}`),
  unanswered: () => request<UnansweredResponse>('/queues/unanswered'),
  flags: () =>
    request<{ cases: Array<FlaggedCaseWire> }>('/flags').then((r) => ({ cases: r.cases.map(normalizeFlagged) })),
  caseDetail: (id: string) => request<CaseDetailResponse>(`/cases/${encodeURIComponent(id)}`),
  addMessage: (id: string, body: NewMessage) =>
    request<CaseDetailResponse>(`/cases/${encodeURIComponent(id)}/messages`, { method: 'POST', body }),
  handOff: (id: string, body: { toUserId: string; reason: string }) =>
    request<CaseDetailResponse>(`/cases/${encodeURIComponent(id)}/handoffs`, { method: 'POST', body }),
  transition: (id: string, to: CaseStatus) =>
    request<CaseDetailResponse>(`/cases/${encodeURIComponent(id)}/transitions`, { method: 'POST', body: { to } }),
  makePromise: (id: string, body: { kind: PromiseKind; channel: Channel; dueAt: string; description: string }) =>
    request<PromiseView>(`/cases/${encodeURIComponent(id)}/promises`, { method: 'POST', body }),
  keepPromise: (id: string) => request<PromiseView>(`/promises/${encodeURIComponent(id)}/keep`, { method: 'POST' }),
  renegotiatePromise: (id: string, body: { dueAt: string; messageToCustomer: string }) =>
    request<PromiseView>(`/promises/${encodeURIComponent(id)}/renegotiate`, { method: 'POST', body }),
  escalate: (id: string, reason: string) =>
    request<EscalationView>(`/cases/${encodeURIComponent(id)}/escalations`, { method: 'POST', body: { reason } }),
  dismissSupervisorSuspicion: (id: string) =>
    request<SupervisorSuspicionDismissed>(`/cases/${encodeURIComponent(id)}/supervisor-suspicion/dismiss`, {
      method: 'POST',
    }),
  escalations: (status: 'open' | 'answered' | 'all' = 'open') =>
    request<{ escalations: EscalationView[] }>(
      `/escalations${queryString({ status: status === 'all' ? undefined : status })}`,
    ),
  answerEscalation: (id: string, body: string) =>
    request<EscalationView>(`/escalations/${encodeURIComponent(id)}/answer`, { method: 'POST', body: { body } }),
  closeEscalation: (id: string) =>
    request<EscalationView>(`/escalations/${encodeURIComponent(id)}/close`, { method: 'POST' }),
  completeTask: (id: string) => request<unknown>(`/tasks/${encodeURIComponent(id)}/done`, { method: 'POST' }),
  tasks: () => request<{ tasks: TaskView[] }>('/tasks?mine=true'),

  customers: (q: string) => request<{ customers: CustomerView[] }>(`/customers${queryString({ q })}`),
  customer: (id: string) => request<CustomerDetailResponse>(`/customers/${encodeURIComponent(id)}`),
  serviceMetrics: (from: string, to: string) =>
    request<ServiceMetricsResponse>(`/metrics/service${queryString({ from, to })}`),

  portalInfo: (slug: string) =>
    request<PortalInfoResponse>(`/portal/${encodeURIComponent(slug)}/info`, { public: true }),
  portalRequest: (
    slug: string,
    body: {
      name: string;
      email: string;
      subject?: string;
      body: string;
      language?: Language;
      attachments?: UploadedFile[];
    },
  ) =>
    request<PortalRequestCreated>(`/portal/${encodeURIComponent(slug)}/requests`, {
      method: 'POST',
      body,
      public: true,
    }),
  portalSession: (token: string) =>
    request<PortalSessionResponse>(`/portal/session/${encodeURIComponent(token)}`, { public: true }),
  portalReply: (token: string, caseId: string, body: string, attachments: UploadedFile[] = []) =>
    request<PortalCaseView>(
      `/portal/session/${encodeURIComponent(token)}/cases/${encodeURIComponent(caseId)}/messages`,
      {
        method: 'POST',
        body: attachments.length > 0 ? { body, attachments } : { body },
        public: true,
      },
    ),
  portalSupervisor: (token: string, caseId: string, reason?: string) =>
    request<PortalCaseView>(
      `/portal/session/${encodeURIComponent(token)}/cases/${encodeURIComponent(caseId)}/supervisor`,
      {
        method: 'POST',
        body: reason ? { reason } : {},
        public: true,
      },
    ),
};

/** The contract says `hell: HellAssessment`; the server (so far) sends `hellReasons` instead. Accept both. */
type FlaggedCaseWire = CaseSummary & { hell?: HellAssessment; hellReasons?: HellAssessment['reasons'] };
export type FlaggedCase = CaseSummary & { reasons: HellAssessment['reasons'] };

function normalizeFlagged(c: FlaggedCaseWire): FlaggedCase {
  const { hell, hellReasons, ...rest } = c;
  return { ...rest, reasons: hell?.reasons ?? hellReasons ?? [] };
}

function unwrapUsers(payload: { users: UserView[] } | UserView[]): UserView[] {
  return Array.isArray(payload) ? payload : payload.users;
}
