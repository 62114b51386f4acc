import { StrictMode, startTransition } from 'react';
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
// The root is made in a task of its own (not while the modules evaluate: on a slow phone that
// task was hundreds of ms), and the first render is a transition: React builds the page in slices
// of a few ms, yielding to the browser between them.
if (root)
  setTimeout(() => {
    const reactRoot = createRoot(root);
    startTransition(() =>
      reactRoot.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
  }, 0);
