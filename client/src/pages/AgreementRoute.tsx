import { useEffect, useState } from 'react';
import { Notice } from '../ui/Notice.js';

type AgreementPageModule = typeof import('./AgreementPage.js');

let loaded: AgreementPageModule | null = null;
let loading: Promise<AgreementPageModule> | null = null;

/**
 * The agreement page's code (the editor, TipTap and Yjs are most of the client), fetched once.
 * main.tsx starts it on an agreement's address before React renders; a failure is forgotten, so
 * the next try fetches again.
 */
export function loadAgreementPage(): Promise<AgreementPageModule> {
  loading ??= import('./AgreementPage.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

type State = { kind: 'loading' } | { kind: 'loaded'; module: AgreementPageModule } | { kind: 'error'; message: string };

/**
 * The agreement page, rendered at once when its code is there. Not React.lazy: React holds back
 * the content of a Suspense boundary whose fallback it just showed (up to 300 ms), and on the
 * first page load the code arrives while the session is being asked for.
 */
export function AgreementRoute({ id }: { id: string }) {
  const [state, setState] = useState<State>(() => (loaded ? { kind: 'loaded', module: loaded } : { kind: 'loading' }));
  useEffect(() => {
    if (state.kind !== 'loading') return;
    let current = true;
    loadAgreementPage().then(
      (module) => current && setState({ kind: 'loaded', module }),
      (error: unknown) => {
        console.error('agreement page code failed to load', error);
        if (current) setState({ kind: 'error', message: 'Der Programmteil der Vereinbarung kam nicht an. Bitte prüfen Sie die Verbindung und laden Sie die Seite neu.' });
      },
    );
    return () => {
      current = false;
    };
  }, [state.kind]);

  if (state.kind === 'error') {
    return (
      <main className="page">
        <Notice tone="error" title="Die Seite konnte nicht geladen werden" action={<button type="button" className="button" onClick={() => location.reload()}>Seite neu laden</button>}>
          {state.message}
        </Notice>
      </main>
    );
  }
  if (state.kind === 'loading') return <p className="page-status">Wird geladen …</p>;
  return <state.module.AgreementPage id={id} />;
}
