// Translations of three published overviews of the demo into the other working languages, as the
// delegations would add them before submitting: each one the whole text of its overview, section by
// section, with the same Markdown. Like the overviews, written for the demo: no official texts.
/* eslint-disable no-irregular-whitespace -- French typography: the narrow no-break spaces before ; : ? ! are meant. */
import type { Language } from '../../server/i18n/languages.js';

export interface DemoTranslation {
  readonly language: Language;
  readonly title: string;
  /** One Markdown text per section of the call, in its order, as the original's. */
  readonly sections: readonly [string, string, string, string];
}

/**
 * The translations, by the label of the workshop's topic (as DEMO_WORKSHOPS) and then by the
 * ISO code of the Member State whose overview they translate.
 */
export const DEMO_OVERVIEW_TRANSLATIONS: Readonly<Record<string, Readonly<Record<string, readonly DemoTranslation[]>>>> = {
  '(a)': {
    PER: [
      {
        language: 'en',
        title: 'Peru: retaining health professionals in the regions',
        sections: [
          `In Peru, the emigration of health professionals has accelerated over the last decade. Peruvian nurses work in Spain, Italy and the United States, and newly graduated doctors seek to specialise abroad, given the shortage of residency places in the country.

The distribution of staff is very uneven: Lima is home to most of the country's doctors, while the Andean and Amazonian departments have far lower rates. The rural population, which most needs basic health services, is the one with the least access to them.

International emigration is compounded by internal migration of staff from the regions to the capital, and from the public sector to the private sector, which offers better pay and working conditions.`,
          `The Ministry of Health has strengthened the **Rural and Marginal Urban Health Service**, which newly qualified professionals perform for one year in facilities in remote areas, as a requirement for entering the public career service and gaining access to residency.

Bonuses have been introduced for staff working in border and hard-to-reach areas, and residency places are being expanded in regional hospitals, on the understanding that specialists will then work in their region.

The Peruvian State has also launched a return programme that facilitates the recognition of degrees obtained abroad and the reintegration of returning professionals. The law on migration incentives allows Peruvians who come back to import their work tools and professional equipment free of customs duties.`,
          `Peru takes part in the Andean Community, where work is under way on the recognition of professional qualifications among member countries and on the joint planning of human resources for health. With Spain, a dialogue is maintained on the recruitment of nurses that includes commitments on training.

Associations of Peruvian doctors abroad support health campaigns in rural areas and donate equipment to regional hospitals. Some have organised distance courses for doctors in primary-level facilities.

Regional governments, which now manage a large share of health services, are indispensable partners for any retention policy. For this reason, the Ministry of Health has signed management agreements with several of them, which set staffing targets for rural facilities.`,
          `Remote-area bonuses are useful, but without adequate living conditions for families their effect is limited. The professionals who stay in the regions are often those who come from them: training young people from the regions themselves is perhaps the most effective retention measure.

The return programme has met with a modest response, partly because the recognition of degrees remains slow.

We propose that the workshop examine how to combine financial and non-financial incentives, and how cooperation with countries of destination can support the training of specialists in countries of origin.

Peru would be willing to share at the workshop the results of the evaluation of the rural service, which will shortly be published on [the Ministry's portal](https://www.example.org/peru/salud).`,
        ],
      },
    ],
  },
  '(b)': {
    NGA: [
      {
        language: 'fr',
        title: 'Nigéria : associer les Nigérians de la diaspora',
        sections: [
          `Les Nigérians de l'étranger forment une communauté nombreuse et hautement qualifiée, qui compte beaucoup de médecins, d'universitaires, d'ingénieurs et d'entrepreneurs au Royaume-Uni, aux États-Unis et dans d'autres pays africains. Les transferts de fonds vers le Nigéria sont les plus importants que reçoive un pays d'Afrique subsaharienne et dépassent de loin l'aide publique au développement.

Pendant de nombreuses années, les relations entre le Gouvernement et la diaspora sont restées distantes, marquées par une méfiance réciproque. Beaucoup de professionnels sont partis pendant les périodes de crise économique et de régime militaire, avec le sentiment que leur pays ne les appréciait pas à leur juste valeur.

Le retour à un régime démocratique a ouvert un nouveau chapitre, et le Gouvernement voit désormais dans la diaspora une ressource pour le développement national : pour l'investissement, pour le transfert de connaissances vers les universités et les hôpitaux, et pour l'image du pays à l'étranger.`,
          `Le Gouvernement a pris plusieurs mesures :

1. Une organisation, la **Nigerians in Diaspora Organisation**, a été créée, avec des sections dans de nombreux pays de résidence, pour servir d'interlocuteur au Gouvernement.
2. Une **Journée nationale de la diaspora** a lieu chaque année pour saluer la contribution des Nigérians de l'étranger et débattre avec eux des politiques publiques.
3. Une base de données des professionnels nigérians à l'étranger est en cours d'élaboration par la Commission nationale de planification, afin de faire correspondre les compétences aux besoins du pays, en particulier dans les universités et les centres hospitaliers universitaires.
4. Un projet de loi portant création d'une commission de la diaspora est à l'examen à l'Assemblée nationale.

La banque centrale réexamine la réglementation afin de permettre à davantage d'opérateurs de verser les transferts de fonds et d'en réduire le coût, qui reste élevé dans certains couloirs en raison d'accords d'exclusivité entre les banques et les sociétés de transfert d'argent.`,
          `Le Nigéria travaille avec l'Organisation internationale pour les migrations et avec des pays de destination à des programmes qui font revenir au pays des professionnels de la diaspora pour des missions de courte durée, en particulier des enseignants d'université en médecine, en ingénierie et en sciences.

La coopération avec le Royaume-Uni porte sur la lutte contre la traite des personnes et sur le retour des migrants en situation irrégulière, qui doit selon nous aller de pair avec des possibilités de migration légale.

Les associations de la diaspora financent des bourses d'études, des missions médicales et l'équipement d'écoles dans leurs États d'origine. Plusieurs gouvernements d'États ont nommé des conseillers chargés des questions de diaspora et organisent des forums d'investissement dans les villes de l'étranger où vivent leurs communautés.

Les associations professionnelles nigérianes à l'étranger, notamment médicales et universitaires, travaillent de plus en plus avec les institutions fédérales à des programmes communs.`,
          `La confiance se mérite : la diaspora répond à des possibilités concrètes et à une gestion transparente de ses contributions. L'insécurité, le manque de fiabilité de l'approvisionnement en électricité et le coût des affaires découragent l'investissement bien plus qu'un manque de bonne volonté.

La base de données des compétences ne sera utile que si les institutions du pays sont prêtes à accueillir les professionnels qu'elle recense, avec des conditions d'engagement claires et la reconnaissance de leur travail.

Nous suggérons que l'atelier examine comment des obligations de la diaspora et d'autres instruments pourraient financer des infrastructures, et de quelles garanties les investisseurs ont besoin. Nous accueillerions aussi avec intérêt l'expérience d'autres pays en matière d'accords d'exclusivité sur le marché des transferts de fonds. Le Nigéria est prêt à partager les enseignements de ses premières Journées de la diaspora, y compris les questions soulevées par les Nigérians de l'étranger. De plus amples informations sont disponibles sur [le site de l'Organisation](https://www.example.org/nido).`,
        ],
      },
    ],
    CHE: [
      {
        language: 'en',
        title: 'Diasporas in Swiss development policy',
        sections: [
          `One in five inhabitants of Switzerland is a foreign national. Among them, large communities from the Western Balkans, Turkey, West Africa and Latin America maintain close ties with their country of origin. Remittances sent from Switzerland are, relative to the population, among the highest in the world.

Switzerland is also a country of emigration: more than 600,000 Swiss live abroad and are represented by an organisation that defends their interests before the federal authorities. This experience informs our thinking on the place of diasporas.

The challenge, for us, is to recognise migrants as actors of development without reducing them to that role, and to make coherent policies that fall under different departments.`,
          `Swiss migration and development policy rests on an integrated approach, bringing together the Federal Office for Migration, the Swiss Agency for Development and Cooperation and the Federal Department of Foreign Affairs. Several **migration partnerships** concluded with countries of origin include a component devoted to diasporas.

The authorities support:

- projects designed and carried out by migrant associations in their country of origin, through cantonal federations for cooperation;
- studies on remittances and the transparency of their costs;
- assistance with return and reintegration, including support for setting up small businesses.

An interdepartmental group ensures the coherence of these actions. It regularly brings together the offices concerned and consults migrant associations on the directions taken.`,
          `Switzerland works closely with the countries of the Western Balkans, where many of the migrants settled in its territory come from. Migrant associations from Kosovo, for example, have co-financed schools and health centres, with the support of Swiss municipalities.

At the multilateral level, Switzerland supports the Global Forum on Migration and Development and the work on reducing the costs of remittances.

The cantons and cities, which are responsible for integration, are important partners: several of them involve migrant associations in their international solidarity programmes. Switzerland also encourages exchanges between these associations and Swiss non-governmental development organisations, so that they learn from one another.`,
          `Migrant associations often have a detailed knowledge of local needs, but they lack the means to manage projects, account for the use of funds and follow them up. Support for their capacities is therefore as important as co-financing.

We have also found that commitment to the country of origin and integration in Switzerland do not conflict: the best-integrated migrants are often the most active in their country of origin.

We propose that the workshop examine how countries of destination can recognise diasporas as fully fledged actors in their development cooperation. It could also look at how to evaluate these projects, whose effects are not measured in infrastructure alone.`,
        ],
      },
      {
        language: 'es',
        title: 'Las diásporas en la política suiza de desarrollo',
        sections: [
          `Uno de cada cinco habitantes de Suiza es de nacionalidad extranjera. Entre ellos, importantes comunidades procedentes de los Balcanes occidentales, Turquía, África occidental y América Latina mantienen estrechos vínculos con su país de origen. Las remesas que salen de Suiza se cuentan, en proporción a la población, entre las más elevadas del mundo.

Suiza es también un país de emigración: más de 600 000 suizos viven en el extranjero y están representados por una organización que defiende sus intereses ante las autoridades federales. Esta experiencia nutre nuestra reflexión sobre el lugar de las diásporas.

El desafío, para nosotros, es reconocer a los migrantes como actores del desarrollo sin reducirlos a ese papel, y dar coherencia a políticas que dependen de departamentos distintos.`,
          `La política suiza de migración y desarrollo se basa en un enfoque integrado, que asocia a la Oficina Federal de Migración, la Agencia Suiza para el Desarrollo y la Cooperación y el Departamento Federal de Asuntos Exteriores. Varias **asociaciones migratorias** concertadas con países de origen incluyen un componente dedicado a las diásporas.

Las autoridades apoyan:

- proyectos concebidos y llevados a cabo por asociaciones de migrantes en su país de origen, por intermedio de federaciones cantonales de cooperación;
- estudios sobre las remesas y la transparencia de sus costos;
- la ayuda al retorno y a la reintegración, que incluye apoyo a la creación de pequeñas empresas.

Un grupo interdepartamental vela por la coherencia de estas acciones. Reúne periódicamente a las oficinas interesadas y consulta a las asociaciones de migrantes sobre las orientaciones adoptadas.`,
          `Suiza colabora estrechamente con los países de los Balcanes occidentales, de donde proceden numerosos migrantes establecidos en su territorio. Las asociaciones de migrantes de Kosovo, por ejemplo, han cofinanciado escuelas y centros de salud, con el apoyo de municipios suizos.

En el plano multilateral, Suiza apoya el Foro Mundial sobre Migración y Desarrollo y los trabajos sobre la reducción de los costos de las remesas.

Los cantones y las ciudades, competentes en materia de integración, son socios importantes: varios de ellos dan participación a las asociaciones de migrantes en sus programas de solidaridad internacional. Suiza fomenta también los intercambios entre estas asociaciones y las organizaciones no gubernamentales suizas de desarrollo, para que aprendan unas de otras.`,
          `Las asociaciones de migrantes suelen conocer a fondo las necesidades locales, pero carecen de medios para gestionar proyectos, rendir cuentas del uso de los fondos y asegurar su seguimiento. El apoyo a sus capacidades es, por tanto, tan importante como la cofinanciación.

También hemos comprobado que el compromiso con el país de origen y la integración en Suiza no se oponen: los migrantes mejor integrados suelen ser los más activos en su país de origen.

Proponemos que el taller examine cómo los países de destino pueden reconocer a las diásporas como actores de pleno derecho de su cooperación para el desarrollo. También podría estudiar la manera de evaluar estos proyectos, cuyos efectos no se miden solo en infraestructuras.`,
        ],
      },
    ],
  },
};
