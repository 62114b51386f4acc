import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEmbed } from './store/embed';
import { startKeys, startPlayer } from './store/player';
import { startSync } from './store/sync';
import './styles.css';

startSync(window);
startPlayer(window);
startKeys(window);
startEmbed(window);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
