import { startEarlyRequests } from './earlyRequests.js';
import { loadAgreementPage } from './pages/AgreementRoute.js';
import { matchRoute } from './router.js';

/**
 * Imported first by main.tsx, so that this runs before React DOM and the pages are evaluated: the
 * requests of the first page are under way while the rest of the main script runs.
 */
const firstRoute = matchRoute(`${location.pathname}${location.search}`);
if (startEarlyRequests(firstRoute) && firstRoute.page === 'agreement') {
  // Its code evaluated while those requests are under way (the server's preload hints fetched it).
  loadAgreementPage().catch(() => {
    // AgreementRoute asks again and shows the error where the page would be.
  });
}
