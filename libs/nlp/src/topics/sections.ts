import { foldWord } from '../text-facts/fold.js';

/**
 * Provider sections that name a topic. Sections that say where, not what ("Sète",
 * "France", "International", "Local") are deliberately absent: they are no evidence.
 */
const SECTIONS: Record<string, string> = {
  economie: 'medtop:04000000',
  economy: 'medtop:04000000',
  business: 'medtop:04000000',
  finance: 'medtop:04000000',
  entreprises: 'medtop:04000000',
  marches: 'medtop:04000000',
  markets: 'medtop:04000000',
  money: 'medtop:04000000',
  politique: 'medtop:11000000',
  politics: 'medtop:11000000',
  elections: 'medtop:11000000',
  sport: 'medtop:15000000',
  sports: 'medtop:15000000',
  football: 'medtop:15000000',
  rugby: 'medtop:15000000',
  culture: 'medtop:01000000',
  arts: 'medtop:01000000',
  entertainment: 'medtop:01000000',
  cinema: 'medtop:01000000',
  musique: 'medtop:01000000',
  music: 'medtop:01000000',
  medias: 'medtop:01000000',
  media: 'medtop:01000000',
  'faits divers': 'medtop:02000000',
  justice: 'medtop:02000000',
  crime: 'medtop:02000000',
  sante: 'medtop:07000000',
  health: 'medtop:07000000',
  sciences: 'medtop:13000000',
  science: 'medtop:13000000',
  technologie: 'medtop:13000000',
  technology: 'medtop:13000000',
  tech: 'medtop:13000000',
  numerique: 'medtop:13000000',
  high_tech: 'medtop:13000000',
  environnement: 'medtop:06000000',
  environment: 'medtop:06000000',
  planete: 'medtop:06000000',
  climate: 'medtop:06000000',
  education: 'medtop:05000000',
  emploi: 'medtop:09000000',
  travail: 'medtop:09000000',
  jobs: 'medtop:09000000',
  religion: 'medtop:12000000',
  religions: 'medtop:12000000',
  societe: 'medtop:14000000',
  society: 'medtop:14000000',
  meteo: 'medtop:17000000',
  weather: 'medtop:17000000',
  lifestyle: 'medtop:10000000',
  loisirs: 'medtop:10000000',
  voyage: 'medtop:10000000',
  travel: 'medtop:10000000',
  gastronomie: 'medtop:10000000',
  food: 'medtop:10000000',
  insolite: 'medtop:08000000',
  people: 'medtop:08000000',
  defense: 'medtop:16000000',
};

/** The top-level topic a provider section names, if it names one. */
export function topicOfSection(section: string | undefined): string | undefined {
  if (!section) return undefined;
  const key = foldWord(section.trim()).replace(/[-\s]+/g, ' ');
  return SECTIONS[key] ?? SECTIONS[key.replace(/ /g, '_')];
}
