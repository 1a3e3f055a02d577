import type { Theme } from '../api/types';

export const THEME_LABELS: Record<Theme, string> = {
  diagnostics: 'Diagnostics',
  'elective-recovery': 'Elective recovery',
  'unwarranted-variation': 'Unwarranted variation',
  workforce: 'Workforce',
  'mental-health': 'Mental health',
  'urgent-and-emergency-care': 'Urgent and emergency care',
  'population-health-and-inequalities': 'Population health and inequalities',
  digital: 'Digital',
  'finance-and-efficiency': 'Finance and efficiency',
  'governance-and-leadership': 'Governance and leadership',
};

export const THEMES = Object.keys(THEME_LABELS) as Theme[];
