import { Footer } from 'nhsuk-react-components';

import { SERVICE_NAME } from './use-page-title';

export function SiteFooter() {
  return (
    <Footer>
      <Footer.Meta>
        <Footer.ListItem href="/help">Help using the forum</Footer.ListItem>
        {/* Plain links: /docs is served by the API, not by this app's router. */}
        <Footer.ListItem href="/docs">API documentation</Footer.ListItem>
        <Footer.Copyright>{SERVICE_NAME}: peer learning for NHS provider collaboratives</Footer.Copyright>
      </Footer.Meta>
    </Footer>
  );
}
