import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { startEarlyRequests } from './earlyRequests.js';
import { loadAgreementPage } from './pages/AgreementRoute.js';
import { matchRoute } from './router.js';
// Arimo, embedded like in the PDF, so that screen, print and PDF set the agreement alike.
import '@fontsource/arimo/latin-400.css';
import '@fontsource/arimo/latin-400-italic.css';
import '@fontsource/arimo/latin-700.css';
import './styles/base.css';
import './styles/document.css';
import './styles/editor.css';
import './styles/print.css';

const firstRoute = matchRoute(`${location.pathname}${location.search}`);
if (startEarlyRequests(firstRoute) && firstRoute.page === 'agreement') {
  // Its code evaluated while those requests are under way (the server's preload hints fetched it).
  loadAgreementPage().catch(() => {
    // AgreementRoute asks again and shows the error where the page would be.
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
