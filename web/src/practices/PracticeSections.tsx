import type { PracticeDetail } from '../api/types';
import { ServerHtml } from '../layout/ServerHtml';
import { OutcomeChart } from './OutcomeChart';

const SECTIONS = [
  { id: 'challenge', heading: 'The challenge' },
  { id: 'approach', heading: 'What we did' },
  { id: 'outcomes', heading: 'Outcomes' },
  { id: 'lessons', heading: 'Lessons learned' },
] as const;

/** The four sections of a case study, with its measures charted under the outcomes. */
export function PracticeSections({ practice }: { practice: PracticeDetail }) {
  return (
    <>
      <nav aria-label="Contents" className="nhsuk-contents-list">
        <h2 className="nhsuk-u-visually-hidden">Contents</h2>
        <ol className="nhsuk-contents-list__list">
          {SECTIONS.map((section) => (
            <li key={section.id} className="nhsuk-contents-list__item">
              <a className="nhsuk-contents-list__link" href={`#${section.id}`}>
                {section.heading}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {SECTIONS.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id}>{section.heading}</h2>
          {practice[section.id].trim() ? (
            <ServerHtml html={practice[`${section.id}Html`]} />
          ) : (
            <p className="app-meta">Not written yet.</p>
          )}
          {section.id === 'outcomes' && <OutcomeChart measures={practice.outcomeMeasures} />}
        </section>
      ))}
    </>
  );
}
