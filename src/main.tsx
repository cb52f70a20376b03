import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { createExampleDoc } from './domain/plan';
import { loadDoc, notify } from './store/editor';
import { bootstrap, startPersistence } from './store/session';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startPersistence();
bootstrap().catch((error: unknown) => {
  console.error(error);
  // Storage refused (e.g. private mode): keep working in memory and say so.
  loadDoc(createExampleDoc());
  notify('error', 'Webbläsaren tillåter inte att planen sparas på den här datorn. Ändringar finns bara kvar tills fliken stängs.');
});
