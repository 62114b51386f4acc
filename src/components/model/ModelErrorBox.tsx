import { useStore } from '../../store/store';
import { useModelT } from './useModelT';

/** A model error in words (by its code) with the original message; the rest of the page works on. */
export function ModelErrorBox() {
  const { t } = useModelT();
  const error = useStore((s) => s.model.error);
  const dismiss = useStore((s) => s.dismissModelError);
  if (error === null) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid="model-error" data-code={error.code} data-scope={error.scope}>
      <strong>{t('model.errorTitle')}</strong> {t(`err.${error.code}`)}
      <br />
      <code className="small">{error.message.slice(0, 400)}</code>{' '}
      <button type="button" className="linkish" onClick={dismiss}>
        {t('model.dismiss')}
      </button>
    </div>
  );
}
