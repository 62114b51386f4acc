import { lazy, Suspense, useEffect } from 'react';
import { Announcer } from './components/Announcer';
import { Controls } from './components/Controls';
import { Counters } from './components/Counters';
import { FontWarmup } from './components/FontWarmup';
import { STAGE_STRIKES } from './components/fontStrikes';
import { Inspector } from './components/Inspector';
import { Later } from './components/Later';
import { Legend } from './components/Legend';
import { Narration } from './components/learn/Narration';
import { TourButton } from './components/learn/TourButton';
import { TourSlot } from './components/learn/TourSlot';
import { NotebookNote } from './components/NotebookNote';
import { Notices } from './components/Notices';
import { Race } from './components/Race';
import { ShareMenu } from './components/ShareMenu';
import { StepLog } from './components/StepLog';
import { TokenStage } from './components/TokenStage';
import { Tools } from './components/Tools';
import { Transport } from './components/Transport';
import { useMediaQuery } from './components/useMediaQuery';
import { useT } from './components/useT';
import { TABLES } from './i18n';
import { useStore } from './store/store';
import { fullPageHash } from './store/sync';
import type { Theme } from './store/uiSlice';

// The Real models world (its panels, strings and worker) loads only when it is chosen.
const model = () => import('./components/model');
const ModelTop = lazy(() => model().then((m) => ({ default: m.ModelTop })));
const ModelRace = lazy(() => model().then((m) => ({ default: m.ModelRace })));
const RunLessons = lazy(() => model().then((m) => ({ default: m.RunLessons })));

/** The playground page (full, or compact for an iframe with #embed=1). */
export function App() {
  const { t, lang } = useT();
  const setLang = useStore((s) => s.setLang);
  const embed = useStore((s) => s.embed);
  const hide = useStore((s) => s.hide);
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  // Embeds narrate with narrate=1 or in a lesson; the full page always does.
  const narrates = useStore((s) => !s.embed || s.narrate || s.tour !== null);
  const touring = useStore((s) => s.tour !== null);
  useStore((s) => s.params); // the "open in specplay" link follows the state
  const real = useStore((s) => s.params.world === 'model');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [theme, lang]);
  const shows = (part: (typeof hide)[number]) => !hide.includes(part);
  // One column (styles.css, max-width 900px): the controls go below the page, and they come
  // after <main> in the document too. Placed there by CSS alone (order) they stayed first in the
  // document, and Chromium's scroll anchoring, which picks in document order, kept them in place
  // when the page above them grew: a reader looking at the step log on a phone was thrown 2,000
  // px down to the parameters when the tools' charts opened, or when a play grew the page.
  const oneColumn = useMediaQuery('(max-width: 900px)');
  // Keyed, so crossing 900 px (a tablet turned, a zoom) moves the panel and keeps what is in
  // it (a half-typed prompt, a pasted corpus, focus) instead of mounting a new one.
  const controls = shows('controls') ? <Controls key="controls" /> : null;
  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      {embed ? (
        <p className="embed-bar small">
          <a href={`${location.pathname}${fullPageHash()}`} target="_blank" rel="noopener" data-testid="open-full">
            {t('openFull')}
          </a>
        </p>
      ) : (
        <header className="top">
          <div>
            <h1>{t('title')}</h1>
            <p className="tagline">{t('tagline')}</p>
          </div>
          <div className="top-actions">
            <TourButton />
            <ShareMenu />
            <label className="small" title={t('theme.tip')}>
              {t('theme')}{' '}
              <select data-testid="theme-toggle" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
                <option value="auto">{t('theme.auto')}</option>
                <option value="light">{t('theme.light')}</option>
                <option value="dark">{t('theme.dark')}</option>
              </select>
            </label>
            <button
              type="button"
              data-testid="lang-toggle"
              aria-label={`${t('langToggle')}: ${t('langToggleLabel')}`}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            >
              {t('langToggle')}
            </button>
          </div>
        </header>
      )}
      <Notices />
      <div className={`${shows('controls') ? 'layout' : 'layout layout-single'}${touring ? ' layout-tour' : ''}`}>
        {[
          !oneColumn && controls,
          <main key="main" className="main">
            {real && (
              <Suspense fallback={<p className="muted">{t('loading')}</p>}>
                <ModelTop />
              </Suspense>
            )}
            <Transport />
            {narrates && <Narration />}
            <TokenStage />
            <Legend />
            <Later frames={1}>
              {(shows('inspector') || shows('race')) && (
                <div className="two">
                  {shows('inspector') && <Inspector />}
                  <div>
                    <Counters />
                    {shows('race') &&
                      (real ? (
                        <Suspense fallback={null}>
                          <ModelRace />
                        </Suspense>
                      ) : (
                        <Race />
                      ))}
                  </div>
                </div>
              )}
              {!shows('inspector') && !shows('race') && <Counters />}
            </Later>
            <Later frames={2}>
              <NotebookNote />
              {shows('log') && <StepLog />}
            </Later>
            <Later frames={3}>
              {shows('charts') &&
                (real ? (
                  <Suspense fallback={null}>
                    <RunLessons />
                  </Suspense>
                ) : (
                  <Tools />
                ))}
            </Later>
          </main>,
          oneColumn && controls,
        ]}
        <TourSlot />
      </div>
      <Announcer />
      <FontWarmup name="stage" strikes={STAGE_STRIKES} table={TABLES[lang]} />
      {!embed && <footer className="muted small">{t('footer')}</footer>}
    </div>
  );
}
