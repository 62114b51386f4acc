import { useEffect, useState } from 'react';
import { useStore } from '../../store/store';
import { EXAMPLE_PROMPTS, type ExampleName } from './examples';
import { useModelT } from './useModelT';

/** The prompt as a text box (committed with the button or Ctrl+Enter), examples, and the chat template switch. */
export function PromptBox() {
  const { t } = useModelT();
  const prompt = useStore((s) => s.params.prompt);
  const chat = useStore((s) => s.params.chat);
  const setParams = useStore((s) => s.setParams);
  const [text, setText] = useState(prompt === '' ? EXAMPLE_PROMPTS.chat : prompt);
  useEffect(() => setText(prompt === '' ? EXAMPLE_PROMPTS.chat : prompt), [prompt]);
  const commit = (v: string) => v !== prompt && setParams({ prompt: v });
  return (
    <section className="panel model-prompt" aria-labelledby="model-prompt-title">
      <h2 id="model-prompt-title">{t('prompt.title')}</h2>
      <label htmlFor="ctl-model-prompt" className="sr-only">
        {t('prompt.title')}
      </label>
      <textarea
        id="ctl-model-prompt"
        data-testid="model-prompt"
        rows={5}
        value={text}
        maxLength={2000}
        title={t('prompt.tip')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit(text);
        }}
      />
      <div className="buttons">
        <button type="button" data-testid="btn-model-prompt" onClick={() => commit(text)} disabled={text === prompt}>
          {t('prompt.apply')}
        </button>
        <label className="small" title={t('model.chat.tip')}>
          <input type="checkbox" data-testid="param-chat" checked={chat === 1} onChange={(e) => setParams({ chat: e.target.checked ? 1 : 0 })} />{' '}
          {t('model.chat')}
        </label>
      </div>
      <p className="small muted">{t('prompt.examples')}</p>
      <div className="buttons">
        {(Object.keys(EXAMPLE_PROMPTS) as ExampleName[]).map((name) => (
          <button type="button" key={name} data-testid={`example-${name}`} onClick={() => commit(EXAMPLE_PROMPTS[name])}>
            {t(`ex.${name}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
