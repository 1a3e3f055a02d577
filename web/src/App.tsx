import { Route, Routes } from 'react-router';

import { AccountPage } from './account/AccountPage';
import { ChangeEmailPage } from './account/ChangeEmailPage';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import { EditProfilePage } from './account/EditProfilePage';
import { FollowingSettingsPage } from './account/FollowingSettingsPage';
import { JoinRequestsPage } from './account/JoinRequestsPage';
import { SessionsPage } from './account/SessionsPage';
import { AdminUsersPage } from './admin/AdminUsersPage';
import { ConfirmAddressPage } from './auth/ConfirmAddressPage';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { RequireSignIn } from './auth/RequireSignIn';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { CollaborativePage } from './collaboratives/CollaborativePage';
import { CollaborativesPage } from './collaboratives/CollaborativesPage';
import { MailboxPage } from './dev/MailboxPage';
import { EmailPreferencesPage } from './email/EmailPreferencesPage';
import { UnsubscribePage } from './email/UnsubscribePage';
import { Layout } from './layout/Layout';
import { AuditLogPage } from './moderation/AuditLogPage';
import { ModerationQueuePage } from './moderation/ModerationQueuePage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { HelpPage } from './pages/HelpPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';
import { SignInPage } from './pages/SignInPage';
import { PersonPage } from './people/PersonPage';
import { EditPracticePage, NewPracticePage } from './practices/PracticeFormPage';
import { PracticePage } from './practices/PracticePage';
import { PracticesPage } from './practices/PracticesPage';
import { SearchPage } from './search/SearchPage';
import { AskQuestionPage } from './threads/AskQuestionPage';
import { EditQuestionPage } from './threads/EditQuestionPage';
import { ThreadPage } from './threads/ThreadPage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="confirm-address" element={<ConfirmAddressPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="help" element={<HelpPage />} />
        <Route path="dev/mailbox" element={<MailboxPage />} />
        <Route path="unsubscribe" element={<UnsubscribePage />} />
        <Route element={<RequireSignIn />}>
          <Route path="collaboratives" element={<CollaborativesPage />} />
          <Route path="collaboratives/:idOrSlug" element={<CollaborativePage />} />
          <Route path="collaboratives/:idOrSlug/ask" element={<AskQuestionPage />} />
          <Route path="threads/:id" element={<ThreadPage />} />
          <Route path="threads/:id/edit" element={<EditQuestionPage />} />
          <Route path="practices" element={<PracticesPage />} />
          <Route path="practices/drafts" element={<PracticesPage drafts />} />
          <Route path="practices/new" element={<NewPracticePage />} />
          <Route path="practices/:id" element={<PracticePage />} />
          <Route path="practices/:id/edit" element={<EditPracticePage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="people/:handle" element={<PersonPage />} />
          <Route path="account/following" element={<FollowingSettingsPage />} />
          <Route path="account/join-requests" element={<JoinRequestsPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="account/profile" element={<EditProfilePage />} />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="account/email" element={<ChangeEmailPage />} />
          <Route path="account/sessions" element={<SessionsPage />} />
          <Route path="account/email-notifications" element={<EmailPreferencesPage />} />
          {/* Leads are members with a role inside a collaborative: the pages ask the API, which answers 403 to others. */}
          <Route path="moderation" element={<ModerationQueuePage />} />
          <Route path="moderation/audit-log" element={<AuditLogPage />} />
        </Route>
        <Route element={<RequireSignIn role="admin" />}>
          <Route path="admin/users" element={<AdminUsersPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
