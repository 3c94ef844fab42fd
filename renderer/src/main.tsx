import './zodConfig';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/tables.css';
import './styles/sidebar.css';
import './styles/request.css';
import './styles/views.css';
import './styles/response.css';
import './styles/dialogs.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootstrap } from './bootstrap';
import { useConnection } from './rpc/connection';
import { installThemeSync } from './state/settings';
import { persistTabs, restoreTabs } from './state/tabPersistence';

installThemeSync();
restoreTabs();
persistTabs();
if (useConnection.getState().state.status !== 'no-token') bootstrap();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
