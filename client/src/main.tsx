// First: starts the first page's requests before the modules below are evaluated.
import './earlyStart.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
// Arimo, embedded like in the PDF, so that screen, print and PDF set the agreement alike.
import '@fontsource/arimo/latin-400.css';
import '@fontsource/arimo/latin-400-italic.css';
import '@fontsource/arimo/latin-700.css';
import './styles/base.css';
import './styles/document.css';
import './styles/editor.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
