import { useState } from 'react';
import { engineSnippets } from '../../core';
import { useStore } from '../../store/store';
import { useT } from '../useT';

function Snippet({ title, code, testId }: { title: string; code: string; testId: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="snippet">
      <div className="snippet-head">
        <h3>{title}</h3>
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(() => setCopied(true));
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <pre data-testid={testId}>
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** Copy-ready configuration for vLLM and SGLang, with each engine's real key names. */
export default function ExportPanel() {
  const { t } = useT();
  const params = useStore((s) => s.params);
  const s = engineSnippets(params);
  return (
    <div className="export">
      <Snippet title={t('export.vllm')} code={s.vllmOffline} testId="export-vllm" />
      <Snippet title={t('export.serve')} code={s.vllmServe} testId="export-vllm-serve" />
      {s.sglang ? (
        <Snippet title={t('export.sglang')} code={s.sglang} testId="export-sglang" />
      ) : (
        <p data-testid="export-sglang" className="note small">
          {t('export.none')}
        </p>
      )}
      {s.notes.length > 0 && (
        <ul className="small">
          {s.notes.map((n) => (
            <li key={n}>{t(`exportNote.${n}`)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
