import type { PracticeDetailDto } from './dto/practice.dto.js';

const titleCase = (text: string) => text.replace(/-/g, ' ').replace(/^\w/, (letter) => letter.toUpperCase());
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The whole case study as one Markdown document, for board papers. */
export function practiceAsMarkdown(practice: PracticeDetailDto): string {
  const authors = [practice.author, ...practice.coAuthors]
    .filter(Boolean)
    .map((person) => `${person!.displayName} (${person!.jobTitle}, ${person!.organisation})`);
  const measures = practice.outcomeMeasures.length
    ? [
        '| Measure | Before | After | Unit |',
        '| --- | ---: | ---: | --- |',
        ...practice.outcomeMeasures.map((m) => `| ${cell(m.label)} | ${m.before} | ${m.after} | ${cell(m.unit)} |`),
      ]
    : ['No outcome measures recorded.'];
  return [
    `# ${practice.title}`,
    '',
    practice.summary,
    '',
    `- **Authors**: ${authors.join('; ') || 'not recorded'}`,
    `- **Organisations involved**: ${practice.organisations.join('; ') || 'not recorded'}`,
    `- **Themes**: ${practice.themes.map(titleCase).join(', ') || 'none'}`,
    `- **Sectors**: ${practice.sectors.map(titleCase).join(', ') || 'none'}`,
    `- **Contact**: ${practice.contact || 'not recorded'}`,
    `- **Published**: ${practice.publishedAt ? practice.publishedAt.slice(0, 10) : 'draft'}`,
    `- **Endorsements**: ${practice.endorsementCount}`,
    '',
    '## The challenge',
    '',
    practice.challenge,
    '',
    '## What we did',
    '',
    practice.approach,
    '',
    '## What changed',
    '',
    practice.outcomes,
    '',
    ...measures,
    '',
    '## Lessons',
    '',
    practice.lessons,
    '',
  ].join('\n');
}

export function exportFileName(title: string): string {
  return `${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'case-study'
  }.md`;
}
