import { useState } from 'react';
import { fill } from '../../core/notices';
import { useT } from '../useT';
import { checkAnswer, type Lesson, type LessonVars, type PageState } from './lessons';
import type { LessonText } from './lessonsEn';

type Outcome = { result: 'right' | 'wrong' | 'notReady'; vars: LessonVars };

/**
 * A lesson's question: a number field or a choice, checked against the page as it is when the
 * reader presses Check. A wrong answer is explained with the right one worked out.
 */
export function TourQuestion({ lesson, text, page, vars }: { lesson: Lesson; text: LessonText; page: PageState; vars: LessonVars }) {
  const { t } = useT();
  const [given, setGiven] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const q = lesson.question;
  const id = `tour-q-${lesson.id}`;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    // The explanation keeps the numbers of the moment the answer was checked.
    setOutcome({ result: checkAnswer(q, page, given), vars });
  };
  const feedback =
    outcome === null
      ? null
      : outcome.result === 'right'
        ? `${t('tour.right')} ${fill(text.right, outcome.vars)}`
        : outcome.result === 'wrong'
          ? `${t('tour.wrong')} ${fill(text.wrong, outcome.vars)}`
          : fill(text.notReady, outcome.vars);
  return (
    <form className="tour-question" onSubmit={submit}>
      <p id={id}>
        <strong>{t('tour.question')}:</strong> {fill(text.question, vars)}
      </p>
      <div className="tour-answer-row">
        {q.kind === 'number' ? (
          <input
            data-testid="tour-answer"
            aria-labelledby={id}
            inputMode="decimal"
            autoComplete="off"
            size={8}
            value={given}
            onChange={(e) => {
              setGiven(e.target.value);
              setOutcome(null);
            }}
          />
        ) : (
          <select
            data-testid="tour-answer"
            aria-labelledby={id}
            value={given}
            onChange={(e) => {
              setGiven(e.target.value);
              setOutcome(null);
            }}
          >
            <option value="">{t('tour.choose')}</option>
            {q.options.map((o) => (
              <option key={o} value={o}>
                {text.options?.[o] ?? o}
              </option>
            ))}
          </select>
        )}
        <button type="submit" data-testid="tour-check">
          {t('tour.check')}
        </button>
      </div>
      <p className={`tour-feedback tour-${outcome?.result ?? 'none'}`} data-testid="tour-feedback" data-result={outcome?.result ?? ''} role="status">
        {outcome && <span aria-hidden="true">{outcome.result === 'right' ? '✓ ' : outcome.result === 'wrong' ? '✗ ' : '→ '}</span>}
        {feedback}
      </p>
    </form>
  );
}
