// Workshop "Diasporas as partners for development": the overviews of the delegations, written for the demo as
// a delegation might have written them at the time. Not official positions nor quotations:
// programmes are described loosely, and figures are rough or invented.
/* eslint-disable no-irregular-whitespace -- French typography: the narrow no-break spaces before ; : ? ! are meant. */
import type { DemoOverview } from './demo-overviews.js';

export const DIASPORA_OVERVIEWS: readonly DemoOverview[] = [
  {
    iso3: 'MAR',
    language: 'fr',
    title: 'Les Marocains du monde, acteurs du développement du Royaume',
    fate: { to: 'published' },
    sections: [
      `Plus de trois millions de Marocains vivent à l'étranger, principalement en Europe occidentale, mais aussi, de plus en plus, en Amérique du Nord et dans les pays du Golfe. Leur attachement au pays se traduit chaque été par le retour de centaines de milliers de familles, et tout au long de l'année par des transferts de fonds qui comptent parmi les premières sources de devises du pays.

La communauté marocaine à l'étranger a profondément changé. À la génération des travailleurs partis dans les années soixante s'ajoutent aujourd'hui des jeunes nés dans les pays d'accueil, des étudiants, des cadres et des entrepreneurs. Leurs attentes ne sont plus seulement d'ordre consulaire : ils veulent investir, transmettre leurs compétences et être associés aux choix qui concernent le pays.

Les défis sont de maintenir le lien avec les jeunes générations, d'orienter une part plus grande de l'épargne vers l'investissement productif, et de simplifier les démarches administratives qui découragent encore bien des initiatives.`,
      `La politique du Royaume à l'égard de ses ressortissants à l'étranger repose sur plusieurs institutions complémentaires :

- un **ministère délégué** chargé de la communauté marocaine résidant à l'étranger, qui coordonne l'action gouvernementale ;
- une **fondation** qui accompagne les familles lors de l'opération de retour estival et soutient l'enseignement de la langue arabe et de la culture marocaine dans les pays d'accueil ;
- un **conseil consultatif**, créé récemment, chargé d'émettre des avis sur les politiques publiques concernant les Marocains du monde.

Les banques marocaines ont développé un réseau d'agences et de correspondants à l'étranger qui a fait baisser le coût des transferts et favorisé la bancarisation des migrants. Des produits d'épargne-logement et d'investissement leur sont destinés. Un guichet unique pour l'investissement des Marocains résidant à l'étranger est en cours de mise en place dans les centres régionaux d'investissement.

Le Royaume a également modernisé son cadre juridique. La réforme du code de la famille et celle du code de la nationalité, qui permet désormais à la mère marocaine de transmettre sa nationalité à ses enfants, répondent à des attentes fortes de la communauté établie à l'étranger, en particulier des couples mixtes. Les consulats ont été dotés de moyens supplémentaires et leurs démarches simplifiées, notamment pour l'état civil et les documents d'identité.`,
      `Le Maroc a conclu avec ses principaux pays d'accueil des conventions de sécurité sociale qui permettent le transfert des pensions, ainsi que des accords de coopération en matière d'enseignement de la langue d'origine. Des programmes de codéveloppement, cofinancés par des pays européens, soutiennent des projets portés par des associations de migrants dans leur région d'origine : adduction d'eau, électrification, écoles rurales.

Les associations de la diaspora, nombreuses et actives, sont des partenaires essentiels. Le réseau des compétences marocaines à l'étranger réunit des chercheurs, des ingénieurs et des médecins qui contribuent à des projets universitaires et industriels au Maroc. Vous trouverez une présentation de ces programmes sur [le portail des Marocains du monde](https://www.example.org/marocains-du-monde).

Dans le cadre du dialogue euro-africain sur la migration et le développement, le Maroc plaide pour que la contribution des diasporas soit reconnue comme un volet à part entière des partenariats entre pays d'origine et de destination.`,
      `L'expérience marocaine montre que la confiance se construit dans la durée et passe par des services concrets : un accueil digne aux frontières, des démarches simplifiées, un interlocuteur identifié. La mobilisation des compétences réussit lorsqu'elle répond à des projets précis plutôt qu'à des appels généraux.

Nous avons également appris que les transferts de fonds relèvent de choix privés : l'État peut les faciliter et proposer des produits attractifs, mais toute tentative de les orienter par la contrainte serait vouée à l'échec.

Nous souhaitons que l'atelier examine :

1. les moyens d'associer les jeunes générations nées à l'étranger ;
2. les instruments financiers qui orientent l'épargne des migrants vers l'investissement, sans la contraindre ;
3. la représentation des diasporas dans les institutions consultatives.

Le Maroc serait heureux d'accueillir une réunion de suivi consacrée à la mobilisation des compétences, à laquelle seraient associées les associations de la diaspora.`,
    ],
  },
  {
    iso3: 'MEX',
    language: 'es',
    title: 'Las comunidades mexicanas en el exterior y el desarrollo local',
    fate: { to: 'published' },
    sections: [
      `Alrededor de once millones de personas nacidas en México viven en Estados Unidos, y muchas más son de ascendencia mexicana. Las remesas que envían constituyen una de las principales fuentes de divisas del país y, para millones de hogares, un ingreso indispensable para la alimentación, la vivienda y la educación de los hijos.

Más allá de las remesas familiares, los mexicanos en el exterior se han organizado en clubes y federaciones de oriundos que reúnen a las personas originarias de un mismo municipio o estado. Estas organizaciones financian obras en sus comunidades de origen y mantienen un vínculo activo con ellas.

Los desafíos son reducir el costo de envío de las remesas, que todavía absorbe una parte importante de los montos transferidos, y lograr que las inversiones comunitarias se traduzcan en empleo y oportunidades que hagan de la migración una opción y no una necesidad.

Conviene subrayar también la diversidad de las comunidades en el exterior. Junto a la migración tradicional de origen rural, procedente de los estados del centro-occidente del país, han crecido en los últimos años los flujos desde el sur y el sureste, así como la emigración de personas con estudios universitarios. Cada uno de estos grupos tiene necesidades y capacidades distintas, y una política hacia las comunidades en el exterior debe tenerlas en cuenta.

Por último, la situación migratoria irregular en que se encuentra una parte de nuestros connacionales limita su movilidad y su capacidad de participar en proyectos en México: quien no puede regresar a su comunidad sin arriesgar su empleo y su familia en el exterior difícilmente puede dar seguimiento a una obra o a una inversión.`,
      `El **Instituto de los Mexicanos en el Exterior**, órgano de la Secretaría de Relaciones Exteriores, coordina la política del Gobierno hacia las comunidades mexicanas en el exterior. A través de la red consular ofrece servicios de documentación, educación, salud y protección, y promueve la organización comunitaria.

## Inversión comunitaria

El **Programa 3x1 para Migrantes** es el instrumento más conocido de colaboración con los clubes de oriundos: por cada peso que aportan los migrantes para un proyecto, los gobiernos federal, estatal y municipal aportan un peso cada uno. Con él se han financiado caminos, sistemas de agua potable, escuelas, clínicas y, cada vez más, proyectos productivos.

## Servicios financieros

La **matrícula consular** ha facilitado el acceso de los mexicanos en el exterior a servicios bancarios, lo que ha contribuido a reducir el costo de las remesas. El Banco de México publica información comparativa sobre las comisiones de envío.`,
      `México coopera con Estados Unidos en la promoción de la competencia en el mercado de envíos de dinero y en la bancarización de los migrantes. Las instituciones de ahorro y crédito popular en México se han asociado con cooperativas de crédito en Estados Unidos para que las remesas puedan recibirse en las comunidades rurales.

El **Consejo Consultivo** del Instituto, integrado por líderes comunitarios elegidos en las circunscripciones consulares, formula recomendaciones al Gobierno. Universidades, fundaciones y organizaciones de la sociedad civil acompañan a los clubes en la formulación y seguimiento de proyectos.

Los gobiernos de los estados con mayor tradición migratoria han creado sus propias oficinas de atención a migrantes, que trabajan con las federaciones de clubes y con los municipios.

En el plano multilateral, México participa activamente en el Foro Mundial sobre Migración y Desarrollo y en la Conferencia Regional sobre Migración, que reúne a los países de América del Norte y Central. En estos espacios, nuestro país ha insistido en que las remesas son recursos privados que pertenecen a las familias, y en que ninguna política debe tratarlas como sustituto de la inversión pública o de la ayuda al desarrollo.

Con varios países de Centroamérica, México comparte su experiencia en la organización de las comunidades en el exterior y en programas de coinversión como el 3x1. Una guía práctica sobre el programa está disponible en [el sitio del Instituto](https://www.example.org/ime/3x1).`,
      `El Programa 3x1 ha demostrado que los migrantes están dispuestos a invertir en sus comunidades cuando tienen voz en la elección de los proyectos y pueden verificar su ejecución. Sin embargo, los proyectos de infraestructura no siempre generan empleo, y los municipios más pobres, con menos migrantes organizados, se benefician menos.

La bancarización ha sido, a su vez, la vía más eficaz para reducir el costo de las remesas: la competencia ha hecho bajar las comisiones de manera notable en pocos años.

Proponemos que el taller analice:

- cómo orientar la inversión de las diásporas hacia proyectos productivos sostenibles;
- cómo evitar que estos programas amplíen las desigualdades entre regiones;
- el papel de los consulados como puente entre las comunidades y los gobiernos locales.`,
    ],
  },
  {
    iso3: 'PHL',
    language: 'en',
    title: 'Overseas Filipinos as partners in national development',
    fate: { to: 'published' },
    sections: [
      `Some eight million Filipinos live or work abroad, about a tenth of our population. They include permanent emigrants in North America and Australia, contract workers in the Middle East and Asia, and seafarers on ships all over the world. Their remittances sustain millions of households and a good part of domestic consumption.

Overseas Filipinos have long contributed to their communities through donations, disaster relief and support to schools. When typhoons strike, associations abroad are often among the first to raise funds and send relief goods.

The challenge is to build on this goodwill in a more systematic way: to move from consumption to savings and investment, from charity to partnership, and to give overseas Filipinos a voice in national affairs. It is also to make sure that migration remains a choice, and that the families left behind, in particular the children of migrant parents, are supported.`,
      `The **Commission on Filipinos Overseas** is responsible for relations with permanent emigrants and their descendants. Its *Link for Philippine Development* programme channels donations from overseas Filipinos to projects in education, health and small infrastructure, and matches donors with reputable local partners.

The **Overseas Absentee Voting Act** allows Filipinos abroad to vote in national elections at our embassies and consulates, and the **Citizenship Retention and Re-acquisition Act** allows former Filipinos who have acquired another nationality to regain Philippine citizenship. Both laws reflect our view that Filipinos abroad remain full members of the nation.

On the financial side, the central bank has encouraged banks to extend remittance services and promotes financial literacy seminars for overseas workers and their families, covering savings, investment and the risks of informal schemes.`,
      `Filipino associations abroad are numerous and active. Our embassies work with them on welfare cases, cultural activities and fund-raising for disaster relief. A yearly awards programme recognises overseas Filipinos and associations who have contributed to national development.

We cooperate with countries of destination on the protection of our workers, which we see as the foundation of any partnership: a worker who is exploited cannot be a development partner. The Philippines also takes part in regional consultative processes in Asia on labour migration.

Local governments in provinces with many overseas workers have begun to set up migration and development desks, which help families invest their savings and connect hometown associations abroad with local projects. The first of these desks have been opened with support from the International Organization for Migration and a network of non-governmental organisations.`,
      `Financial literacy has proved one of the most effective measures: families who plan together save more and depend less on continued migration. Voting from abroad has had a low turnout at first, and registration procedures need to be simpler, in particular for seafarers and workers far from a consulate.

The donations channelled through the Link programme have reached remote communities, but small projects need follow-up to last.

Our delegation would welcome discussion of:

- how to encourage **investment by diaspora members** without raising unrealistic expectations;
- how to reach second-generation Filipinos abroad;
- how to measure the contribution of diasporas beyond remittances.

The Philippines would be pleased to share at the workshop the evaluation of the Link programme, which will be available on [the Commission's website](https://www.example.org/cfo/link).`,
    ],
  },
  {
    iso3: 'NGA',
    language: 'en',
    title: 'Nigeria: engaging Nigerians in the diaspora',
    fate: { to: 'published' },
    sections: [
      `Nigerians abroad are a large and highly skilled community, with significant numbers of doctors, academics, engineers and entrepreneurs in the United Kingdom, the United States and other African countries. Remittances to Nigeria are the largest flows to any country in sub-Saharan Africa and exceed official development assistance by a wide margin.

For many years, the relationship between the Government and the diaspora was distant, marked by mistrust on both sides. Many professionals left during periods of economic crisis and military rule, and felt that their country did not value them.

The return to democratic rule opened a new chapter, and the Government now sees the diaspora as a resource for national development: for investment, for the transfer of knowledge to universities and hospitals, and for the image of the country abroad.`,
      `The Government has taken several steps:

1. A **Nigerians in Diaspora Organisation** was established with chapters in many countries of residence, as an interlocutor for the Government.
2. A national **Diaspora Day** is held each year to recognise the contribution of Nigerians abroad and to discuss policy with them.
3. A database of Nigerian professionals abroad is being developed by the National Planning Commission to match skills with national needs, in particular in universities and teaching hospitals.
4. Legislation to establish a diaspora commission is under consideration by the National Assembly.

The central bank is reviewing regulations to allow more operators to pay out remittances and to reduce the costs of transfers, which remain high in some corridors because of exclusive agreements between banks and money transfer companies.`,
      `Nigeria works with the International Organization for Migration and with countries of destination on programmes that bring diaspora professionals home for short assignments, in particular university lecturers in medicine, engineering and the sciences.

Cooperation with the United Kingdom covers the fight against trafficking in persons and the return of migrants in irregular situations, which we believe must go hand in hand with opportunities for legal migration.

Diaspora associations fund scholarships, medical missions and equipment for schools in their states of origin. Several state governments have appointed advisers on diaspora affairs and organise investment forums in cities abroad where their communities live.

Nigerian professional associations abroad, in particular medical and academic ones, are increasingly working with federal institutions on joint programmes.`,
      `Trust has to be earned: the diaspora responds to concrete opportunities and transparent management of its contributions. Insecurity, unreliable electricity and the cost of doing business discourage investment more than any lack of goodwill.

The skills database will only be useful if institutions at home are ready to receive the professionals it identifies, with clear terms of engagement and recognition of their work.

We suggest the workshop discuss how diaspora bonds and other instruments could finance infrastructure, and what safeguards investors need. We would also welcome experience from other countries on exclusive agreements in the remittance market. Nigeria is ready to share the lessons of its first Diaspora Days, including the questions raised by Nigerians abroad. Further information is available on [the Organisation's website](https://www.example.org/nido).`,
    ],
  },
  {
    iso3: 'CHE',
    language: 'fr',
    title: 'Les diasporas dans la politique suisse de développement',
    fate: { to: 'published' },
    sections: [
      `Un habitant de la Suisse sur cinq est de nationalité étrangère. Parmi eux, des communautés importantes originaires des Balkans occidentaux, de Turquie, d'Afrique de l'Ouest et d'Amérique latine entretiennent des liens étroits avec leur pays d'origine. Les transferts de fonds qui partent de Suisse sont, rapportés à la population, parmi les plus élevés au monde.

La Suisse est aussi un pays d'émigration : plus de 600 000 Suisses vivent à l'étranger et sont représentés par une organisation qui défend leurs intérêts auprès des autorités fédérales. Cette expérience nourrit notre réflexion sur la place des diasporas.

Le défi, pour nous, est de reconnaître les migrants comme des acteurs du développement sans les réduire à ce rôle, et de rendre cohérentes des politiques qui relèvent de départements différents.`,
      `La politique suisse de migration et de développement repose sur une approche intégrée, qui associe l'Office fédéral des migrations, la Direction du développement et de la coopération et le Département des affaires étrangères. Plusieurs **partenariats migratoires** conclus avec des pays d'origine comportent un volet consacré aux diasporas.

Les autorités soutiennent :

- des projets conçus et portés par des associations de migrants dans leur pays d'origine, par l'intermédiaire de fédérations cantonales de coopération ;
- des études sur les transferts de fonds et la transparence des coûts ;
- l'aide au retour et à la réintégration, comprenant un appui à la création de petites entreprises.

Un groupe interdépartemental veille à la cohérence de ces actions. Il réunit régulièrement les offices concernés et consulte les associations de migrants sur les orientations retenues.`,
      `La Suisse collabore étroitement avec les pays des Balkans occidentaux, d'où viennent de nombreux migrants établis sur son territoire. Les associations de migrants du Kosovo, par exemple, ont cofinancé des écoles et des centres de santé, avec l'appui des communes suisses.

Sur le plan multilatéral, la Suisse soutient le Forum mondial sur la migration et le développement et les travaux sur la réduction des coûts des transferts de fonds.

Les cantons et les villes, compétents en matière d'intégration, sont des partenaires importants : plusieurs d'entre eux associent les associations de migrants à leurs programmes de solidarité internationale. La Suisse encourage également les échanges entre ces associations et les organisations non gouvernementales suisses de développement, afin qu'elles apprennent les unes des autres.`,
      `Les associations de migrants ont souvent une connaissance fine des besoins locaux, mais elles manquent de moyens pour gérer des projets, rendre compte de l'utilisation des fonds et en assurer le suivi. L'appui à leurs capacités est donc aussi important que le cofinancement.

Nous avons aussi constaté que l'engagement en faveur du pays d'origine et l'intégration en Suisse ne s'opposent pas : les migrants les mieux intégrés sont souvent les plus actifs dans leur pays d'origine.

Nous proposons que l'atelier examine comment les pays de destination peuvent reconnaître les diasporas comme des acteurs à part entière de leur coopération au développement. Il pourrait aussi se pencher sur la manière d'évaluer ces projets, dont les effets ne se mesurent pas seulement en infrastructures.`,
    ],
  },
  {
    iso3: 'COL',
    language: 'es',
    title: 'Colombia Nos Une: una política para los colombianos en el exterior',
    fate: { to: 'published' },
    sections: [
      `Se estima que más de tres millones de colombianos viven en el exterior, principalmente en Estados Unidos, España, Venezuela y Ecuador. La emigración se intensificó a finales de los años noventa por la crisis económica y la situación de seguridad, y ha dado lugar a comunidades diversas, desde trabajadores con poca calificación hasta profesionales y estudiantes.

Las remesas han crecido rápidamente y hoy representan una fuente de ingresos importante para muchos hogares, en particular en el Eje Cafetero y el Valle del Cauca.

Al mismo tiempo, la dispersión de las comunidades y la desconfianza hacia las instituciones dificultan su participación en la vida del país. Muchos colombianos en el exterior se encuentran en situación migratoria irregular y evitan el contacto con las autoridades, incluidas las de su propio país.`,
      `El Ministerio de Relaciones Exteriores creó el programa **Colombia Nos Une**, cuyo objetivo es vincular a los colombianos en el exterior con el país y hacerlos partícipes de las políticas que los afectan. Sus principales líneas de acción son:

- la creación de redes de colombianos por país y por área profesional;
- el acompañamiento al retorno, con orientación laboral y apoyo a emprendimientos;
- la promoción del ahorro y la inversión, incluida la compra de vivienda en Colombia desde el exterior;
- la seguridad social, para que los colombianos en el exterior puedan cotizar al sistema de pensiones.

La Constitución reconoce a los colombianos en el exterior el derecho al voto y una circunscripción especial en la Cámara de Representantes. Más información sobre el programa está disponible en [su portal](https://www.example.org/colombia-nos-une).`,
      `Colombia ha suscrito con España un acuerdo sobre migración laboral que prevé la selección de trabajadores en Colombia y su acompañamiento durante su estancia. Con el apoyo de la Organización Internacional para las Migraciones, se han desarrollado proyectos de codesarrollo en zonas de origen de los migrantes, que combinan el ahorro de los migrantes con recursos públicos y la asistencia técnica de organizaciones locales.

Los consulados organizan ferias de servicios para acercar a las comunidades las entidades del Estado: notarías, registro civil, fondos de vivienda y de pensiones.

Las universidades colombianas colaboran con la red de investigadores en el exterior para organizar cursos y proyectos conjuntos. Varios municipios de las zonas de mayor emigración han creado, con el apoyo del programa, oficinas de atención a las familias de los migrantes.`,
      `La participación de los colombianos en el exterior crece cuando reciben servicios concretos. La representación parlamentaria es un avance, pero la participación electoral sigue siendo baja, en parte por la distancia de los consulados.

Las redes profesionales funcionan mejor cuando tienen un objetivo preciso, como un proyecto de investigación o un programa de formación, que cuando son solo directorios.

Quisiéramos que el taller examine cómo las redes profesionales de la diáspora pueden contribuir a la transferencia de conocimientos hacia las universidades y las empresas del país de origen, y cómo los países de destino pueden apoyar la afiliación de los migrantes a los sistemas de seguridad social de su país. Colombia estaría dispuesta a compartir la experiencia de las ferias de servicios consulares.`,
    ],
  },
  {
    iso3: 'ETH',
    language: 'en',
    title: 'Ethiopia: the diaspora as investor and partner',
    fate: { to: 'submitted' },
    sections: [
      `Ethiopians abroad number more than a million, with the largest communities in North America, Europe and the Middle East. Many left during periods of conflict and political change; others are recent labour migrants, particularly women employed as domestic workers in the Gulf States. Remittances have become an important source of foreign exchange and of income for urban households.

The diaspora is diverse in its views and its relationship with the Government. Building a relationship of trust with all parts of it is a long-term task.

Many Ethiopians abroad have acquired another nationality, which under our law means losing Ethiopian nationality. Their wish to keep a legal tie with the country, to own property and to invest, has shaped much of our policy.`,
      `The Government established a **Diaspora Affairs Directorate** within the Ministry of Foreign Affairs, with counterparts in the regional states, to provide a single point of contact for Ethiopians abroad.

Foreign nationals of Ethiopian origin can obtain an **identification card** that gives them most of the rights of citizens, including the right to reside, work and own property, without requiring them to give up their other nationality. Diaspora investors benefit from the same incentives as domestic investors, including customs exemptions on capital goods, and members of the diaspora may open foreign currency accounts in Ethiopian banks.

Land for housing in the capital has been made available to diaspora associations that organise themselves into housing cooperatives. A diaspora bond to finance a major infrastructure project is under study.`,
      `Ethiopia cooperates with the International Organization for Migration on a programme to mobilise diaspora professionals for short-term assignments in universities and hospitals. Physicians and lecturers have taught in the new universities opened in the regions, which face a shortage of experienced staff.

Agreements with countries of destination in the Middle East aim to protect domestic workers, whose welfare we consider a precondition for any partnership.

Diaspora associations in North America and Europe have financed schools, water points and health posts in their home areas, and some have set up small investment companies that pool the savings of their members.

Ethiopia also takes part in the regional dialogue on migration in the Horn of Africa. Within it, we discuss with our neighbours how to protect migrants on the routes to the Gulf and how to inform them of the risks.`,
      `Practical incentives, such as the identification card and access to land, have encouraged investment. But administrative delays still discourage many. A clear and reliable service for investors from the diaspora is more useful than new incentives.

Short assignments in the regional universities have been well received by students and staff; the challenge is to plan them over several years rather than one at a time.

We propose that the workshop consider how countries of origin can protect the savings of diaspora investors against fraud, and how countries of destination can help labour migrants save and invest safely. We would be pleased to share our experience with the identification card, which other countries of origin have asked about. A simple guide for investors from the diaspora is in preparation.`,
    ],
  },
  {
    iso3: 'BEL',
    language: 'fr',
    title: 'Le codéveloppement en Belgique : associer les diasporas à la coopération',
    fate: {
      to: 'returned',
      comment: "Merci pour cet aperçu. La dernière section se limite pour l'instant à une phrase : la délégation pourrait-elle la compléter par les enseignements tirés du programme pilote et les questions qu'elle souhaite voir débattues ? L'Administration publiera l'aperçu dès qu'il sera soumis à nouveau, avant la date limite de l'appel.",
    },
    sections: [
      `La Belgique compte d'importantes communautés originaires du Maroc, de Turquie, de la République démocratique du Congo et, plus récemment, d'Europe centrale et orientale. Ces communautés entretiennent des liens étroits avec leur pays d'origine, qu'ils soient familiaux, économiques ou associatifs.

Longtemps, la politique belge de coopération au développement et la politique d'intégration ont été conçues séparément. Les associations de migrants, pourtant très actives dans leur pays d'origine, étaient peu associées aux programmes de coopération et peinaient à accéder aux financements publics.

La structure fédérale de l'État, qui répartit les compétences entre l'État fédéral, les Communautés et les Régions, ajoute à la diversité des acteurs concernés.`,
      `La coopération belge au développement a lancé un **programme pilote de codéveloppement** qui finance des projets portés par des associations de migrants en partenariat avec des organisations de leur pays d'origine. Les projets retenus portent sur l'éducation, la santé, l'agriculture et l'appui aux petites entreprises.

Les associations bénéficient d'un accompagnement par des organisations non gouvernementales expérimentées pour la préparation, la gestion et l'évaluation de leurs projets. Les Régions et les Communautés soutiennent, dans le cadre de leurs compétences, des initiatives comparables, notamment des jumelages entre communes belges et communes des pays d'origine.`,
      `La Belgique participe, avec l'Organisation internationale pour les migrations, au programme de mobilisation des compétences de la diaspora africaine, qui permet à des professionnels congolais, rwandais et burundais établis en Belgique d'effectuer des missions dans les administrations, les hôpitaux et les universités de leur pays d'origine.

Au niveau européen, la Belgique soutient le dialogue entre l'Union européenne et l'Afrique sur la migration et le développement.`,
      `Le programme pilote a donné des résultats encourageants.`,
    ],
  },
  {
    iso3: 'BGD',
    language: 'en',
    title: 'Bangladesh: from remittances to investment',
    fate: { to: 'published' },
    sections: [
      `Bangladesh sends several hundred thousand workers abroad every year, mainly to the Gulf States and to South-East Asia, and has long-established communities in the United Kingdom, the United States and Italy. Remittances are the country's second largest source of foreign exchange after garment exports and have helped reduce poverty in districts with high emigration.

Most remittances are spent on household needs, education, land and housing. Much of the money still travels through informal channels, which are faster and cheaper for many workers but give them no protection.

Migration itself is costly for our workers: many borrow heavily or sell land to pay recruitment fees, and spend their first year or more abroad repaying debts before they can save. This limits what migration can do for development.`,
      `The **Ministry of Expatriates' Welfare and Overseas Employment** was created to look after the interests of Bangladeshi workers abroad and their families. A welfare fund, financed by contributions from departing workers, supports families in distress, the repatriation of remains and scholarships for workers' children.

To encourage the use of formal channels, the central bank has allowed commercial banks to open exchange houses abroad and to pay remittances through their branch networks, including in rural areas. Special bonds denominated in foreign currency allow Bangladeshis abroad to invest with a guaranteed return.

A bank for expatriate workers is being established to offer loans for migration costs, at lower interest than moneylenders, and for investment on return. Its capital comes in part from the welfare fund.`,
      `Bangladesh works with countries of destination in the Colombo Process on recruitment practices, pre-departure training and the protection of workers. Labour attachés in our missions in the main countries of destination assist workers in disputes with employers.

Associations of Bangladeshis in the United Kingdom have long supported schools and clinics in their home districts, notably in the north-east of the country. Some of their members have invested in hotels, tea gardens and small industries. Their experience shows what settled communities can do when local conditions allow.

Non-governmental organisations and microfinance institutions in Bangladesh help migrants' families manage remittances and start small businesses.

The Government has also opened information centres in several districts, where prospective migrants can check whether a recruiting agency is licensed and learn what a fair fee is.`,
      `Reducing the cost and risk of formal transfers has been more effective than any rule against informal channels. Investment products must be simple and trusted; the foreign currency bonds have been taken up mostly by settled communities in Europe and North America, less by workers in the Gulf.

Lowering the cost of migration would do more for development than any programme that starts after departure.

We would welcome discussion of how migrant workers on temporary contracts, and not only settled communities, can be involved in development, and of how recruitment costs can be brought down. Bangladesh would welcome partnerships with countries of destination to train workers before departure in the skills their employers need, which would also raise their earnings.`,
    ],
  },
  {
    iso3: 'NLD',
    language: 'en',
    title: 'The Netherlands: migration and development policy and diaspora organisations',
    fate: { to: 'submitted' },
    sections: [
      `The Netherlands is home to large communities from Suriname, the former Netherlands Antilles, Turkey and Morocco, and to smaller communities from many African and Asian countries, including refugees from the Horn of Africa and Afghanistan. Many of their organisations are engaged in development activities in their countries of origin.

The Government has recognised that migration and development are linked, and that policies in one field can support or undermine objectives in the other.

Diaspora organisations in the Netherlands are numerous but often small and run by volunteers. Their potential is recognised, but their access to funding and to the established development organisations has been limited. Many also lack the time and expertise to prepare proposals and reports in the form donors require.`,
      `A policy memorandum on *development and migration* set out the Government's approach. Its main elements are:

- **involving migrant organisations** in development cooperation, including through co-financing of their projects by Dutch development organisations;
- supporting **temporary return** of qualified migrants to contribute to reconstruction in post-conflict countries;
- making remittances cheaper and more transparent, including a website comparing the costs of transfers, [available here](https://www.example.org/remittance-prices);
- paying attention to **circular migration** in labour migration policy.

A platform of migrant organisations advises the Ministry of Foreign Affairs on policy and helps its members to professionalise. Its members include organisations of every size, from national federations to small village associations.

The Government reports on the implementation of the memorandum to Parliament every year, including on the coherence between migration and development policies.`,
      `The Netherlands has supported temporary return programmes for professionals from Afghanistan, Sierra Leone and Sudan, implemented with the International Organization for Migration. These programmes allow health workers, teachers and engineers to work for some months in their country of origin while keeping their residence in the Netherlands.

Dutch development organisations have opened their co-financing schemes to diaspora organisations, on condition that they work with a partner in the country of origin and meet reporting requirements.

Municipalities with large migrant communities support twinning with towns in Morocco, Turkey and Suriname. The Netherlands also supports the exchange of experience between European countries on migration and development, within the European Union and in the Global Forum. Our experience has been presented at several expert meetings, and we would be glad to continue that exchange.`,
      `Temporary return works well when the professional's residence status is secure: people hesitate to contribute if they fear losing their right to return to the Netherlands. Assignments also need a clear task agreed with the host institution in advance.

The remittance price comparison website has raised awareness among senders and encouraged some providers to lower their fees. It is maintained with the help of a consumer organisation and updated every quarter.

We propose the workshop discuss how residence rules can make circular engagement of diasporas easier, and how the capacities of diaspora organisations can be strengthened without making them dependent on public funding. The Netherlands would also welcome an exchange on the evaluation of co-financed diaspora projects. Such evaluations are rare, and most of what we know comes from the organisations themselves.`,
    ],
  },
  {
    iso3: 'QAT',
    language: 'en',
    title: 'Qatar: a country of destination and the development of countries of origin',
    fate: { to: 'published' },
    sections: [
      `Qatar participates in the Dialogue as an observer. Foreign workers make up the great majority of our labour force, most of them from South Asia, South-East Asia and other Arab countries. Their remittances are a major source of income for their families and for the economies of their countries of origin.

As a country of destination, Qatar has an interest in ensuring that workers arrive well prepared, are protected during their stay and return home with savings and skills.

The rapid growth of our economy, in construction and services in particular, has increased the number of workers in a short time. This places demands on the administration of labour, on housing and on the services that workers need. Qatar is committed to meeting these demands in cooperation with employers and countries of origin.`,
      `The labour law provides for written contracts, regular payment of wages and access to the labour courts. The Ministry of Labour has established a department to inspect working and living conditions and to receive complaints, and has increased the number of its inspectors.

Qatar has encouraged banks and exchange houses to offer affordable transfer services. Competition between a large number of operators has kept costs relatively low for the main corridors, and workers can send money from exchange houses open in the evening and at weekends.

Workers' accommodation is subject to standards on space, sanitation and safety, which the authorities are reviewing in consultation with employers. A hotline receives complaints in several languages. Inspectors can now impose fines and, in serious cases, bar an employer from recruiting abroad.`,
      `Qatar has concluded bilateral agreements on labour with many countries of origin. These agreements set out the responsibilities of each party, including the verification of contracts and the role of recruitment agencies. Qatar takes part in the Abu Dhabi dialogue between Asian countries of origin and destination.

Embassies of countries of origin work with our authorities on the cases of workers in difficulty, and community associations of the main nationalities organise cultural and social activities with the support of the authorities.

Charitable organisations based in Qatar finance development projects in several countries of origin. They build schools, clinics and water points in the regions from which many workers come. Qatar sees these contributions as part of a partnership with the countries whose nationals help build our economy.`,
      `We believe that the development contribution of temporary workers depends first on fair recruitment in countries of origin, where workers often pay high fees. A worker who arrives in debt saves little and is more vulnerable. Some of our partners have capped recruitment fees; we support such measures and ask our employers to respect them.

We have also seen that information given to workers before departure, on their contract, their rights and the cost of living, reduces disputes.

We invite the workshop to consider how countries of origin and destination can jointly reduce recruitment costs, and how skills acquired in the countries of destination can be certified so that they are recognised when workers return home. Qatar would be pleased to host a meeting of countries of origin and destination on this question.`,
    ],
  },
  {
    iso3: 'FRA',
    language: 'fr',
    title: 'Le codéveloppement, axe de la politique française',
    fate: { to: 'draft' },
    sections: [
      `La France accueille d'importantes diasporas originaires du Maghreb, d'Afrique subsaharienne, d'Asie du Sud-Est et des Caraïbes. Nombre de leurs membres mènent, à titre individuel ou au sein d'associations, des actions de solidarité en faveur de leur région d'origine : construction d'écoles et de centres de santé, adduction d'eau, soutien aux coopératives agricoles.

Les transferts de fonds des migrants vivant en France représentent des montants très supérieurs à l'aide publique que la France consacre à certains de ces pays. Ils restent néanmoins coûteux et majoritairement destinés à la consommation des familles.`,
      `Le Gouvernement a fait du **codéveloppement** un axe de sa politique. Il s'agit de soutenir les projets des migrants dans leur pays d'origine et de favoriser leur investissement productif. Plusieurs instruments ont été créés ou sont en préparation :

- un **compte épargne codéveloppement**, qui offre un avantage fiscal aux migrants qui épargnent en vue d'un investissement dans leur pays d'origine ;
- un soutien aux associations de migrants porteuses de projets, par l'intermédiaire d'un fonds géré avec les collectivités territoriales ;
- un site d'information comparant le coût des transferts de fonds.`,
      `Les accords de gestion concertée des flux migratoires conclus avec plusieurs pays africains comportent un volet consacré au développement solidaire.`,
      ``,
    ],
  },
];
