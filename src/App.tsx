import { MotionConfig } from 'framer-motion';
import { Controls } from './components/Controls';
import { Counters } from './components/Counters';
import { Inspector } from './components/Inspector';
import { Legend } from './components/Legend';
import { NotebookNote } from './components/NotebookNote';
import { Notices } from './components/Notices';
import { Race } from './components/Race';
import { StepLog } from './components/StepLog';
import { TokenStage } from './components/TokenStage';
import { Tools } from './components/Tools';
import { Transport } from './components/Transport';
import { useT } from './components/useT';
import { useStore } from './store/store';

/** The playground page. */
export function App() {
  const { t, lang } = useT();
  const setLang = useStore((s) => s.setLang);
  return (
    <MotionConfig reducedMotion="user">
      <div className="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <header className="top">
          <div>
            <h1>{t('title')}</h1>
            <p className="tagline">{t('tagline')}</p>
          </div>
          <button type="button" data-testid="lang-toggle" aria-label={t('langToggleLabel')} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('langToggle')}
          </button>
        </header>
        <Notices />
        <div className="layout">
          <Controls />
          <main className="main">
            <Transport />
            <TokenStage />
            <Legend />
            <div className="two">
              <Inspector />
              <div>
                <Counters />
                <Race />
              </div>
            </div>
            <NotebookNote />
            <StepLog />
            <Tools />
          </main>
        </div>
        <footer className="muted small">{t('footer')}</footer>
      </div>
    </MotionConfig>
  );
}
