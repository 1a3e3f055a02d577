import { setFocus } from 'nhsuk-frontend';
import { SkipLink } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';

import { useSession } from '../auth/use-session';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

/**
 * A page change in a single-page app is silent for screen readers and leaves focus on the link
 * that was followed; moving focus to the new page's heading reads it out and starts keyboard
 * users at the top, as a full page load would. Pages that load their data first show their
 * heading later, so it is focused when it appears, unless the person has meanwhile moved
 * focus into the page themselves.
 */
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('maincontent');
    if (!main) return;
    const focusHeading = () => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (heading) setFocus(heading);
      return heading !== null;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      if ((active && active !== document.body && main.contains(active)) || focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const giveUp = window.setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      window.clearTimeout(giveUp);
    };
  }, [pathname]);
}

export function Layout() {
  const state = useSession();
  useFocusHeadingOnNavigation();
  return (
    <>
      <SkipLink href="#maincontent">Skip to main content</SkipLink>
      <SiteHeader state={state} />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <Outlet />
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
