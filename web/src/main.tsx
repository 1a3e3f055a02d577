import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './app.css';
import './live/live';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';

import { session } from './api/client';
import { App } from './App';

// nhsuk-frontend's scripts refuse to start without these classes, which its page template
// sets from an inline script; our CSP forbids inline scripts, and reaching this module
// already proves the browser runs modules, which is all the template checks.
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

void session.restore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
