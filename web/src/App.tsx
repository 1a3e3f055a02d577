import { Route, Routes } from 'react-router';
import { AccountPage } from './account/AccountPage';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import { EditProfilePage } from './account/EditProfilePage';
import { SessionsPage } from './account/SessionsPage';
import { AdminUsersPage } from './admin/AdminUsersPage';
import { RequireSignIn } from './auth/RequireSignIn';
import { CollaborativePage } from './collaboratives/CollaborativePage';
import { CollaborativesPage } from './collaboratives/CollaborativesPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { AskQuestionPage } from './threads/AskQuestionPage';
import { ThreadPage } from './threads/ThreadPage';
import { Layout } from './layout/Layout';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegisterPage } from './pages/RegisterPage';
import { SignInPage } from './pages/SignInPage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route element={<RequireSignIn />}>
          <Route path="collaboratives" element={<CollaborativesPage />} />
          <Route path="collaboratives/:idOrSlug" element={<CollaborativePage />} />
          <Route path="collaboratives/:idOrSlug/ask" element={<AskQuestionPage />} />
          <Route path="threads/:id" element={<ThreadPage />} />
          <Route path="practices" element={<ComingSoonPage title="Best practice" purpose="Case studies from trusts, with the outcomes they measured." />} />
          <Route path="search" element={<ComingSoonPage title="Search" purpose="Search questions, replies and case studies." />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="account/profile" element={<EditProfilePage />} />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="account/sessions" element={<SessionsPage />} />
        </Route>
        <Route element={<RequireSignIn role="admin" />}>
          <Route path="admin/users" element={<AdminUsersPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
