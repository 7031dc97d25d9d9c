// The public face of src/views/: other folders import from here only (the lint forbids
// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.
export { presentEscalation, presentPromise } from './case-presenters.ts';
export { getCaseDetail, presentCustomer } from './get-case-detail.ts';
export { getCustomerDetail } from './get-customer-detail.ts';
export { searchCustomers } from './search-customers.ts';
export { getMe, presentWorkspace } from './get-me.ts';
export { listBrokenPromises } from './list-broken-promises.ts';
export { listBusinessCalendars } from './list-business-calendars.ts';
export { CASE_VIEWS, listCases } from './list-cases.ts';
export { listDueSoon } from './list-due-soon.ts';
export { listEscalations } from './list-escalations.ts';
export { listFlaggedCases } from './list-flagged-cases.ts';
export { UNDELIVERED_INBOUND_STATUSES, listInboundEmails } from './list-inbound-emails.ts';
export { listPromises } from './list-promises.ts';
export { listStaff } from './list-staff.ts';
export { listTasks } from './list-tasks.ts';
export { listUnanswered } from './list-unanswered.ts';
export { getPortalSession, loadPortalCase, reachAHuman, verifyPortalSession, workspaceBySlug } from './portal-views.ts';
export { escalationView, promiseView } from './present-commitments.ts';
export { readAttachment } from './read-attachment.ts';
export { loadStaffNames } from './staff-names.ts';
export { presentUser } from './user-presenter.ts';
export { MY_NOTICE_DAYS, MY_NOTICE_LIMIT, listMyNotices } from './list-my-notices.ts';
export { getCaseComplaint } from './get-case-complaint.ts';
export { cannedRepliesForCase, listCannedReplies, presentCannedReply } from './list-canned-replies.ts';
export { caseListQuery, customerListQuery, dropUndefined } from './case-list-params.ts';
export { countSavedViews, listSavedViews, presentSavedView, SAVED_VIEW_COUNT_CAP } from './list-saved-views.ts';
