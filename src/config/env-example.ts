import { VARIABLES } from './variables.js';

/** The text of `.env.example`, made from the variable table so the two cannot drift apart. */
export function renderEnvExample(): string {
  const lines = [
    '# Collaboratives Forum configuration. Copy to .env and change what you need;',
    '# variables set in the environment win over .env. Commented lines show the default.',
    '',
  ];
  for (const [name, spec] of Object.entries(VARIABLES)) {
    lines.push(`# ${spec.meaning}`);
    lines.push(spec.default === undefined ? `# ${name}=` : `# ${name}=${spec.default}`);
    lines.push('');
  }
  return lines.join('\n');
}
