import { Route, Routes } from 'react-router';
import { AccountPage } from './account/AccountPage';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import { EditProfilePage } from './account/EditProfilePage';
import { SessionsPage } from './account/SessionsPage';
import { AdminUsersPage } from './admin/AdminUsersPage';
import { RequireSignIn } from './auth/RequireSignIn';
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
          <Route path="collaboratives" element={<ComingSoonPage title="Collaboratives" purpose="Browse the provider collaboratives, follow them and ask to join." />} />
          <Route path="practices" element={<ComingSoonPage title="Best practice" purpose="Case studies from trusts, with the outcomes they measured." />} />
          <Route path="search" element={<ComingSoonPage title="Search" purpose="Search questions, replies and case studies." />} />
          <Route path="notifications" element={<ComingSoonPage title="Notifications" purpose="Replies, answers and news from what you follow." />} />
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
