// Entry point: fonts and styles, i18n, the store around the API client, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/fonts.css';
import './styles/base.css';
import './styles/theme-light.css';
import './styles/topbar.css';
import './styles/map.css';
import './styles/panel.css';
import './styles/incidents.css';
import './styles/incident-sections.css';
import './styles/incident-form.css';
import './styles/assign.css';
import './styles/requests.css';
import './styles/units.css';
import './styles/dialogs.css';
import './styles/nearest-handover.css';
import './styles/lock-settings.css';
import './styles/directory.css';
import './styles/signin.css';
import './styles/operators.css';
import './styles/alerts.css';
import './styles/wall.css';
import './styles/operations.css';
import './styles/keys.css';
import './styles/replay.css';
import { App } from './App';
import { initI18n } from './i18n';
import { appClient } from './lock/client';
import { StoreContext } from './state/context';
import { createVigieStore } from './state/store';

initI18n();
const store = createVigieStore(appClient());

const root = document.getElementById('root');
if (!root) throw new Error('Vigie: #root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <StoreContext value={store}>
      <App />
    </StoreContext>
  </StrictMode>,
);
