// What the demo database holds: the story of PRODUCT.md, in English, French and Spanish.
import type { Language } from '../../server/i18n/languages.js';

export type Trilingual = Readonly<Record<Language, string>>;

export interface DemoMemberState {
  readonly iso3: string;
  readonly names: Trilingual;
  readonly status: 'member' | 'observer';
  /** The language the delegation works in. */
  readonly language: Language;
  /** How many delegate accounts the delegation has. */
  readonly delegates: 1 | 2;
}

const ms = (iso3: string, en: string, fr: string, es: string, language: Language, extra: Partial<Pick<DemoMemberState, 'status' | 'delegates'>> = {}): DemoMemberState => ({
  iso3, names: { en, fr, es }, language, status: extra.status ?? 'member', delegates: extra.delegates ?? 1,
});

/** Real ISO 3166-1 alpha-3 codes and the short names used in the three languages. */
export const DEMO_MEMBER_STATES: readonly DemoMemberState[] = [
  ms('ARG', 'Argentina', 'Argentine', 'Argentina', 'es'),
  ms('AUS', 'Australia', 'Australie', 'Australia', 'en'),
  ms('BGD', 'Bangladesh', 'Bangladesh', 'Bangladesh', 'en'),
  ms('BEL', 'Belgium', 'Belgique', 'Bélgica', 'fr'),
  ms('BRA', 'Brazil', 'Brésil', 'Brasil', 'en'),
  ms('CAN', 'Canada', 'Canada', 'Canadá', 'en'),
  ms('CHL', 'Chile', 'Chili', 'Chile', 'es'),
  ms('COL', 'Colombia', 'Colombie', 'Colombia', 'es'),
  ms('EGY', 'Egypt', 'Égypte', 'Egipto', 'en'),
  ms('ETH', 'Ethiopia', 'Éthiopie', 'Etiopía', 'en'),
  ms('FRA', 'France', 'France', 'Francia', 'fr', { delegates: 2 }),
  ms('DEU', 'Germany', 'Allemagne', 'Alemania', 'en'),
  ms('GHA', 'Ghana', 'Ghana', 'Ghana', 'en'),
  ms('GTM', 'Guatemala', 'Guatemala', 'Guatemala', 'es'),
  ms('IND', 'India', 'Inde', 'India', 'en'),
  ms('ITA', 'Italy', 'Italie', 'Italia', 'en'),
  ms('JPN', 'Japan', 'Japon', 'Japón', 'en'),
  ms('KEN', 'Kenya', 'Kenya', 'Kenya', 'en', { delegates: 2 }),
  ms('MAR', 'Morocco', 'Maroc', 'Marruecos', 'fr'),
  ms('MEX', 'Mexico', 'Mexique', 'México', 'es', { delegates: 2 }),
  ms('NLD', 'Netherlands', 'Pays-Bas', 'Países Bajos', 'en'),
  ms('NGA', 'Nigeria', 'Nigéria', 'Nigeria', 'en'),
  ms('PAK', 'Pakistan', 'Pakistan', 'Pakistán', 'en'),
  ms('PER', 'Peru', 'Pérou', 'Perú', 'es'),
  ms('PHL', 'Philippines', 'Philippines', 'Filipinas', 'en', { delegates: 2 }),
  ms('SEN', 'Senegal', 'Sénégal', 'Senegal', 'fr'),
  ms('ESP', 'Spain', 'Espagne', 'España', 'es'),
  ms('CHE', 'Switzerland', 'Suisse', 'Suiza', 'fr', { delegates: 2 }),
  ms('THA', 'Thailand', 'Thaïlande', 'Tailandia', 'en'),
  ms('USA', 'United States of America', "États-Unis d'Amérique", 'Estados Unidos de América', 'en'),
  ms('VAT', 'Holy See', 'Saint-Siège', 'Santa Sede', 'fr', { status: 'observer' }),
  ms('QAT', 'Qatar', 'Qatar', 'Qatar', 'en', { status: 'observer' }),
  ms('BTN', 'Bhutan', 'Bhoutan', 'Bhután', 'en', { status: 'observer' }),
];

const text = (en: string, fr: string, es: string): Trilingual => ({ en, fr, es });

/** The survey of the story: one overarching theme of two, two workshop topics of four. */
export function currentSurveyInput(closesAt: string) {
  return {
    title: text('International Dialogue on Migration 2008', 'Dialogue international sur la migration 2008', 'Diálogo Internacional sobre la Migración 2008'),
    description: text(
      'Following the informal consultations, the Administration proposes two candidate overarching themes for the International Dialogue on Migration in 2008 and four potential topics for its two intersessional workshops. Delegations are invited to rank them in order of preference, and may add comments or propose other workshop topics, before the closing time.',
      "À la suite des consultations informelles, l'Administration propose deux thèmes généraux possibles pour le Dialogue international sur la migration en 2008 et quatre thèmes envisageables pour ses deux ateliers d'intersession. Les délégations sont invitées à les classer par ordre de préférence ; elles peuvent ajouter des commentaires ou proposer d'autres thèmes d'atelier avant la date et l'heure de clôture.",
      'Tras las consultas informales, la Administración propone dos temas generales posibles para el Diálogo Internacional sobre la Migración en 2008 y cuatro temas posibles para sus dos talleres entre reuniones. Se invita a las delegaciones a clasificarlos por orden de preferencia; pueden añadir comentarios o proponer otros temas de taller antes de la fecha y hora de cierre.',
    ),
    reference: 'IC/2007/17',
    closesAt,
    questions: [
      {
        title: text('Overarching theme for 2008', 'Thème général pour 2008', 'Tema general para 2008'),
        description: text(
          'One theme will be retained for the Dialogue in 2008.',
          'Un thème sera retenu pour le Dialogue en 2008.',
          'Se retendrá un tema para el Diálogo en 2008.',
        ),
        seats: 1,
        method: 'irv',
        allowAbstain: true,
        allowComment: true,
        options: [
          {
            label: 'A',
            title: text('Return Migration: Challenges and Opportunities', 'La migration de retour : défis et perspectives', 'La migración de retorno: desafíos y oportunidades'),
            description: text(
              'Voluntary return, sustainable reintegration and the contribution of returning migrants to development in their countries of origin.',
              "Le retour volontaire, la réintégration durable et la contribution des migrants de retour au développement de leur pays d'origine.",
              'El retorno voluntario, la reintegración sostenible y la contribución de los migrantes que retornan al desarrollo de sus países de origen.',
            ),
          },
          {
            label: 'B',
            title: text('Migration and Transnationalism: Opportunities and Challenges', 'Migration et transnationalisme : perspectives et défis', 'Migración y transnacionalismo: oportunidades y desafíos'),
            description: text(
              'How migrants live across borders, keep ties with more than one country, and what this means for policies on integration, diasporas and citizenship.',
              "Comment les migrants vivent de part et d'autre des frontières et gardent des liens avec plusieurs pays, et ce que cela implique pour les politiques d'intégration, les diasporas et la citoyenneté.",
              'Cómo viven los migrantes a través de las fronteras y mantienen vínculos con más de un país, y lo que ello supone para las políticas de integración, las diásporas y la ciudadanía.',
            ),
          },
        ],
      },
      {
        title: text('Topics of the intersessional workshops', "Thèmes des ateliers d'intersession", 'Temas de los talleres entre reuniones'),
        description: text(
          'Two topics will be retained for the intersessional workshops. Delegations may propose other topics.',
          "Deux thèmes seront retenus pour les ateliers d'intersession. Les délégations peuvent proposer d'autres thèmes.",
          'Se retendrán dos temas para los talleres entre reuniones. Las delegaciones pueden proponer otros temas.',
        ),
        seats: 2,
        method: 'stv',
        allowAbstain: true,
        allowComment: true,
        allowProposals: true,
        options: [
          {
            label: '(a)',
            title: text('Sustainable reintegration of returning migrants', 'Réintégration durable des migrants de retour', 'Reintegración sostenible de los migrantes que retornan'),
            description: text(
              'Reintegration assistance, recognition of skills acquired abroad and cooperation between countries of origin and destination.',
              "L'aide à la réintégration, la reconnaissance des compétences acquises à l'étranger et la coopération entre pays d'origine et de destination.",
              'La asistencia para la reintegración, el reconocimiento de las competencias adquiridas en el extranjero y la cooperación entre países de origen y de destino.',
            ),
          },
          {
            label: '(b)',
            title: text('Migration, environment and climate change', 'Migration, environnement et changements climatiques', 'Migración, medio ambiente y cambio climático'),
            description: text(
              'Movements of people linked to environmental degradation and natural disasters, and how to prepare for them.',
              "Les déplacements de personnes liés à la dégradation de l'environnement et aux catastrophes naturelles, et la manière de s'y préparer.",
              'Los desplazamientos de personas vinculados a la degradación del medio ambiente y a los desastres naturales, y la manera de prepararse para ellos.',
            ),
          },
          {
            label: '(c)',
            title: text('Free movement of persons in regional integration processes', "Libre circulation des personnes dans les processus d'intégration régionale", 'Libre circulación de personas en los procesos de integración regional'),
            description: text(
              'Lessons from regional agreements on the movement, residence and work of nationals of member countries.',
              'Les enseignements des accords régionaux sur la circulation, le séjour et le travail des ressortissants des pays membres.',
              'Las lecciones de los acuerdos regionales sobre la circulación, la residencia y el trabajo de los nacionales de los países miembros.',
            ),
          },
          {
            label: '(d)',
            title: text('Managing labour mobility in the evolving global economy', "Gérer la mobilité de la main-d'œuvre dans une économie mondiale en mutation", 'Gestión de la movilidad laboral en una economía mundial en evolución'),
            description: text(
              'Temporary and circular labour migration schemes, recruitment practices and the protection of migrant workers.',
              "Les programmes de migration de main-d'œuvre temporaire et circulaire, les pratiques de recrutement et la protection des travailleurs migrants.",
              'Los programas de migración laboral temporal y circular, las prácticas de contratación y la protección de los trabajadores migrantes.',
            ),
          },
        ],
      },
    ],
  };
}

/** Last year's survey, closed and published, so the results pages have something to show. */
export function previousSurveyInput(closesAt: string) {
  return {
    title: text('International Dialogue on Migration 2007', 'Dialogue international sur la migration 2007', 'Diálogo Internacional sobre la Migración 2007'),
    description: text(
      'Choice of the overarching theme of the Dialogue in 2007 and of the topics of its intersessional workshops, after the informal consultations.',
      "Choix du thème général du Dialogue en 2007 et des thèmes de ses ateliers d'intersession, à la suite des consultations informelles.",
      'Elección del tema general del Diálogo en 2007 y de los temas de sus talleres entre reuniones, tras las consultas informales.',
    ),
    reference: 'IC/2006/9',
    closesAt,
    questions: [
      {
        title: text('Overarching theme for 2007', 'Thème général pour 2007', 'Tema general para 2007'),
        description: text('One theme will be retained.', 'Un thème sera retenu.', 'Se retendrá un tema.'),
        seats: 1,
        method: 'irv',
        allowAbstain: true,
        allowComment: true,
        options: [
          {
            label: 'A',
            title: text('Migration Management in the Evolving Global Economy', "La gestion des migrations dans une économie mondiale en mutation", 'La gestión de la migración en una economía mundial en evolución'),
          },
          {
            label: 'B',
            title: text('Migration and Development: Policy Coherence', 'Migration et développement : la cohérence des politiques', 'Migración y desarrollo: la coherencia de las políticas'),
          },
          {
            label: 'C',
            title: text('Migrants and Host Societies: Partnerships for Success', "Migrants et sociétés d'accueil : des partenariats pour réussir", 'Los migrantes y las sociedades de acogida: asociaciones para el éxito'),
          },
        ],
      },
      {
        // The two topics it retained are the workshops of the demo, with their calls for overviews.
        title: text('Topics of the intersessional workshops', "Thèmes des ateliers d'intersession", 'Temas de los talleres entre reuniones'),
        description: text('Two topics will be retained.', 'Deux thèmes seront retenus.', 'Se retendrán dos temas.'),
        seats: 2,
        method: 'stv',
        allowAbstain: true,
        allowComment: true,
        options: [
          {
            label: '(a)',
            title: text('Migration and human resources for health', 'Migration et ressources humaines pour la santé', 'Migración y recursos humanos para la salud'),
            description: text(
              'The mobility of doctors, nurses and other health workers, ethical recruitment and how countries of origin keep their health systems staffed.',
              "La mobilité des médecins, des infirmiers et des autres personnels de santé, le recrutement éthique et la manière dont les pays d'origine assurent les effectifs de leur système de santé.",
              'La movilidad de médicos, enfermeros y demás personal sanitario, la contratación ética y la manera en que los países de origen mantienen la dotación de sus sistemas de salud.',
            ),
          },
          {
            label: '(b)',
            title: text('Diasporas as partners for development', 'Les diasporas, partenaires du développement', 'Las diásporas como asociadas para el desarrollo'),
            description: text(
              'Engaging communities abroad in the development of their countries of origin: remittances, investment, skills and dialogue with governments.',
              "Associer les communautés établies à l'étranger au développement de leur pays d'origine : transferts de fonds, investissement, compétences et dialogue avec les pouvoirs publics.",
              'Hacer partícipes a las comunidades en el exterior del desarrollo de sus países de origen: remesas, inversión, competencias y diálogo con los gobiernos.',
            ),
          },
          {
            label: '(c)',
            title: text('Irregular migration and mixed flows', 'Migration irrégulière et flux mixtes', 'Migración irregular y flujos mixtos'),
          },
          {
            label: '(d)',
            title: text('Migration data and research for policy', 'Données et recherche sur les migrations au service des politiques', 'Datos e investigación sobre la migración al servicio de las políticas'),
          },
        ],
      },
    ],
  };
}

/** Comments a delegation might add, in its own language. */
export const DEMO_COMMENTS: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'Our delegation would welcome a session on the role of diasporas in return and reintegration.',
    'We support the Administration\'s proposal and thank it for the informal consultations.',
    'The workshop on labour mobility should give time to the views of countries of origin.',
    'Please circulate the draft agendas of the workshops by the end of October.',
  ],
  fr: [
    "Notre délégation souhaiterait qu'une séance soit consacrée au rôle des diasporas dans le retour et la réintégration.",
    "Nous appuyons la proposition de l'Administration et la remercions pour les consultations informelles.",
    "L'atelier sur les changements climatiques devrait associer les pays les plus exposés.",
    "Nous vous prions de bien vouloir diffuser les projets d'ordre du jour des ateliers d'ici à la fin du mois d'octobre.",
  ],
  es: [
    'Nuestra delegación desearía que se dedicara una sesión al papel de las diásporas en el retorno y la reintegración.',
    'Apoyamos la propuesta de la Administración y le agradecemos las consultas informales.',
    'El taller sobre la movilidad laboral debería tener en cuenta la opinión de los países de origen.',
    'Les rogamos que distribuyan los proyectos de orden del día de los talleres antes de finales de octubre.',
  ],
};

export const DEMO_PASSWORDS = {
  admin: 'demo-admin-password',
  staff: 'demo-staff-password',
  delegate: 'demo-delegate-password',
} as const;

export const DEMO_EMAIL_DOMAIN = 'demo.example.org';
