import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api.tsx';
import { App } from './App.tsx';
import type { Api } from '../../preload/contract.ts';
import './styles.css';

declare global {
  interface Window {
    api: Api;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={window.api}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
