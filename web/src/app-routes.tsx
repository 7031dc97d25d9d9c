import { Suspense, lazy } from 'react';
import { Anchor, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from './auth/login-page.tsx';
import { SetupPage } from './auth/setup-page.tsx';
import { StaffApp } from './shell/app-shell.tsx';
import { QueuesPage } from './queues/queues-page.tsx';
import { CasePage } from './cases/case-page.tsx';
import { EscalationsPage } from './escalations/escalations-page.tsx';
import { CustomerSearchPage } from './customers/customer-search-page.tsx';
import { CustomerPage } from './customers/customer-page.tsx';
import { SettingsPage } from './settings/settings-page.tsx';
import { PortalRequestPage } from './portal/portal-request-page.tsx';
import { PortalSessionPage } from './portal/portal-session-page.tsx';
import { ExpectationPage } from './promises/expectation-page.tsx';
import { SurveyAnswerPage } from './portal/survey-answer-page.tsx';
import { MailSinkPage } from './email/mail-sink-page.tsx';

// ECharts is large: the dashboard loads it only when opened.
const DashboardPage = lazy(() => import('./dashboard/dashboard-page.tsx'));
const RetentionPage = lazy(() => import('./retention/retention-page.tsx'));
const PromisesPage = lazy(() => import('./promises/promises-page.tsx'));
const SurveysPage = lazy(() => import('./surveys/surveys-page.tsx'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <Center h="60vh">
      <Stack align="center">
        <Text>{t('common.notFound')}</Text>
        <Anchor component={Link} to="/app/queues/unanswered">
          {t('common.backHome')}
        </Anchor>
      </Stack>
    </Center>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/app/queues/unanswered" replace />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/portal/s/:token" element={<PortalSessionPage />} />
      <Route path="/portal/expect/:token" element={<ExpectationPage />} />
      <Route path="/portal/survey/:token" element={<SurveyAnswerPage />} />
      <Route path="/portal/:slug" element={<PortalRequestPage />} />
      <Route path="/app" element={<StaffApp />}>
        <Route index element={<Navigate to="/app/queues/unanswered" replace />} />
        <Route path="queues" element={<Navigate to="/app/queues/unanswered" replace />} />
        <Route path="queues/:view" element={<QueuesPage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="escalations" element={<EscalationsPage />} />
        <Route path="customers" element={<CustomerSearchPage />} />
        <Route path="customers/:id" element={<CustomerPage />} />
        <Route
          path="dashboard"
          element={
            <Suspense fallback={<Loader />}>
              <DashboardPage />
            </Suspense>
          }
        />
        <Route
          path="promises"
          element={
            <Suspense fallback={<Loader />}>
              <PromisesPage />
            </Suspense>
          }
        />
        <Route path="surveys" element={<Navigate to="/app/surveys/report" replace />} />
        <Route
          path="surveys/:tab"
          element={
            <Suspense fallback={<Loader />}>
              <SurveysPage />
            </Suspense>
          }
        />
        <Route path="retention" element={<Navigate to="/app/retention/at-risk" replace />} />
        <Route
          path="retention/:tab"
          element={
            <Suspense fallback={<Loader />}>
              <RetentionPage />
            </Suspense>
          }
        />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="settings/:section" element={<SettingsPage />} />
        <Route path="mail-sink" element={<MailSinkPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
