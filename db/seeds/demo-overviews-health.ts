// Workshop "Migration and human resources for health": the overviews of the delegations, written for the demo as
// a delegation might have written them at the time. Not official positions nor quotations:
// programmes are described loosely, and figures are rough or invented.
/* eslint-disable no-irregular-whitespace -- French typography: the narrow no-break spaces before ; : ? ! are meant. */
import type { DemoOverview } from './demo-overviews.js';

export const HEALTH_OVERVIEWS: readonly DemoOverview[] = [
  {
    iso3: 'PHL',
    language: 'en',
    title: 'Health workers for the world and for home: the Philippine approach',
    fate: { to: 'published' },
    sections: [
      `The Philippines has trained nurses for employers abroad for more than four decades, and health professionals remain among the most sought-after of our overseas workers. Each year several thousand newly licensed nurses leave for the Middle East, Europe and North America, and a growing number of caregivers, midwives and medical technologists follow them.

This mobility brings real benefits: remittances that support families and local economies, and skills that some workers bring back. It also brings pressure on our own health system. Provincial hospitals report that they train young nurses who leave after two or three years, and rural health units find it hard to keep doctors at all. Nursing schools expanded quickly in the past decade, and the quality of some of them has not kept pace.

Our main challenges are therefore:

- keeping enough experienced staff in public and rural facilities;
- maintaining the quality of training while demand abroad stays high;
- protecting health workers from abusive recruitment and contract substitution.`,
      `The Government's approach rests on the principle that Filipinos are free to work abroad, and that the State's role is to make that choice safe and to make staying at home a real alternative.

## Protecting those who leave

The **Overseas Employment Administration** licenses recruitment agencies, approves employment contracts and keeps a list of agencies that have lost their licence. Standard contracts for health workers set minimum salaries, working hours and repatriation terms, and are checked before departure. Every departing worker attends a pre-departure orientation seminar that explains their rights and the assistance available at our embassies.

## Making staying a real alternative

At home, the Department of Health runs a deployment programme that places newly licensed nurses and doctors in underserved municipalities for two years, with a stipend, housing support and priority for scholarships afterwards. A return-to-service scheme helps nurses who have worked abroad to be re-employed in public hospitals without losing seniority.

The Commission on Higher Education has closed or merged nursing schools whose graduates repeatedly failed the licensure examination.`,
      `The Philippines has signed bilateral labour agreements covering health workers with several countries of destination. The most useful of them go beyond recruitment quotas: they commit the employer country to recognise Philippine qualifications on clear terms, to support training in the Philippines, and to share information on the workers it employs. A memorandum with one European partner funds the upgrading of two provincial nursing schools in exchange for an agreed, limited annual recruitment.

We took an active part in the discussions at the World Health Organization on a code of practice for the international recruitment of health personnel, and we support a code that is voluntary but monitored.

Professional associations of Filipino nurses abroad are valued partners: they mentor new arrivals, report abusive employers to our labour attachés and, increasingly, organise short teaching missions to hospitals at home.`,
      `Three lessons stand out from our experience.

First, **restricting departures does not work**. Earlier attempts to require years of local service before emigration pushed workers towards irregular channels and did not keep them at home.

Second, agreements that share the cost of training are fairer and more durable than agreements on numbers alone. Where a country of destination has invested in our schools, both sides have an interest in the quality of the graduates, and the relationship lasts beyond one recruitment season.

Third, information matters. We still lack reliable data on how many health workers return, and with what skills.

We would welcome discussion at the workshop of:

1. how countries of destination can contribute to training capacity in countries of origin;
2. how to monitor ethical recruitment commitments in practice;
3. how returning health professionals can be helped to work again at home.`,
    ],
  },
  {
    iso3: 'GHA',
    language: 'en',
    title: 'Retaining and motivating health workers in Ghana',
    fate: {
      to: 'withdrawn',
      reason: 'Withdrawn at the request of the delegation of Ghana: the figures in its first section are those of a draft report that has since been revised. The delegation will present the revised figures at the workshop.',
    },
    sections: [
      `Ghana's health system depends on a workforce that is still too small for the needs of a growing population. In the early part of this decade, about half of the doctors trained in our medical schools were practising abroad within ten years of qualifying, and some 2,500 nurses left in a single year, mainly for the United Kingdom and North America.

The departures were felt most in district hospitals and in the northern regions, where vacancies stayed open for years and where one doctor could be responsible for more than fifty thousand people. Urban teaching hospitals also lost specialists, which slowed the training of the next generation.

At the same time, Ghana has a strong tradition of medical and nursing education, and many of its health professionals abroad remain attached to the country and willing to contribute. The question for us is how to turn a loss into a circulation of skills.`,
      `The Government chose to make it more attractive to stay rather than harder to leave.

- **Additional duty hours allowance.** Doctors and, later, nurses receive an allowance that substantially raised their take-home pay. It is credited with slowing departures.
- **Postgraduate training at home.** A national postgraduate medical college trains specialists in Ghana, so that doctors no longer need to go abroad to specialise.
- **Rural incentives.** Staff posted to deprived areas receive a top-up, vehicle loans and priority for further training.
- **Bonding.** Graduates of public nursing schools serve for a period in the public sector before they may take up employment elsewhere.

The Ministry of Health coordinates these measures with the Health Service, the teaching hospitals and the professional councils. A human resources policy for the health sector, adopted after wide consultation, sets targets for each cadre and region and is reviewed every two years.`,
      `Ghana works with the United Kingdom, whose health service adopted a code restricting active recruitment from developing countries. Such codes help, but private agencies are not always bound by them, and nurses continue to be recruited into the private care sector.

With the International Organization for Migration, Ghana took part in a programme that brings health professionals of the Ghanaian diaspora home for short assignments: surgeons, anaesthetists and nurse tutors teaching in regional hospitals for a few weeks at a time. Several teaching hospitals have partnerships with hospitals abroad that send equipment and host our young doctors for training periods, after which they return.

Within the West African region, Ghana supports the harmonisation of training curricula, so that health workers can move where they are most needed in the region.`,
      `Salary measures had the quickest effect, but they are costly and must be sustained; when payment was delayed, discontent grew quickly. Postgraduate training at home has probably done more in the long run, because it gives young doctors a career path in Ghana. Short assignments by diaspora professionals are valuable, but they should be planned with the receiving hospitals so that they answer real needs rather than the availability of volunteers.

We suggest the workshop consider:

- how countries of destination could support postgraduate training in countries of origin;
- whether agreements on recruitment could include a contribution to the cost of training;
- how to make codes of practice binding on private recruitment agencies.

Ghana would also be glad to share the experience of its postgraduate college with other countries of the region that are considering a similar step.`,
    ],
  },
  {
    iso3: 'FRA',
    language: 'fr',
    title: 'Mobilité des professionnels de santé : l\'approche de la France',
    fate: { to: 'published' },
    sections: [
      `La France est à la fois un pays de destination et, dans une moindre mesure, un pays de départ pour les professionnels de santé. Un nombre croissant de médecins et d'infirmiers diplômés hors de l'Union européenne exercent dans nos établissements, en particulier dans les hôpitaux publics des zones rurales et des villes moyennes, où certaines spécialités peinent à recruter.

Cette situation tient pour partie aux choix faits il y a plusieurs décennies en matière de formation : le nombre d'étudiants admis en deuxième année de médecine a longtemps été limité, et les départs à la retraite des médecins formés dans les années soixante-dix sont désormais nombreux. La démographie médicale est devenue une préoccupation majeure des pouvoirs publics.

Les défis sont de deux ordres :

- **garantir la qualité des soins** en s'assurant que les praticiens formés à l'étranger disposent des compétences requises ;
- **ne pas aggraver les pénuries** des pays d'origine, notamment en Afrique francophone, avec lesquels la France entretient des liens étroits.`,
      `L'exercice de la médecine par les praticiens diplômés hors de l'Union européenne est soumis à une **procédure d'autorisation** : épreuves de vérification des connaissances, puis période d'exercice probatoire dans un service agréé, avant l'inscription à l'ordre professionnel. Cette procédure a été réformée afin d'être plus lisible et de limiter les situations où des praticiens exercent durablement avec un statut précaire.

Parallèlement, le Gouvernement a relevé progressivement le nombre d'étudiants admis en médecine et en soins infirmiers, et mis en place des aides à l'installation dans les territoires déficitaires : bourses d'études en contrepartie d'un engagement d'exercice, maisons de santé pluriprofessionnelles, exonérations fiscales dans certaines zones.

La France n'organise pas de recrutement actif de personnels de santé dans les pays confrontés à une pénurie critique. Les établissements publics sont invités à privilégier des partenariats de formation plutôt que des recrutements directs.`,
      `La coopération hospitalière est au cœur de notre démarche. Plusieurs centres hospitaliers universitaires sont jumelés avec des hôpitaux d'Afrique de l'Ouest et du Maghreb : accueil de médecins en formation pour une durée déterminée, missions d'enseignement, appui à la maintenance des équipements. Les médecins accueillis s'engagent à reprendre leur poste à l'issue de leur formation.

Dans le cadre des accords de gestion concertée des flux migratoires conclus avec plusieurs pays partenaires, un volet relatif aux professions de santé prévoit la formation de personnels dans le pays d'origine et des dispositifs de mobilité temporaire.

La France soutient les travaux de l'Organisation mondiale de la santé en vue d'un code de pratique mondial pour le recrutement international des personnels de santé. Des informations complémentaires sont disponibles sur [le site du ministère](https://www.example.org/sante/cooperation).`,
      `L'expérience montre qu'une mobilité temporaire, encadrée et liée à un projet professionnel dans le pays d'origine, bénéficie à tous. Les jumelages hospitaliers les plus réussis sont ceux qui s'inscrivent dans la durée, avec des équipes qui se connaissent et des objectifs fixés en commun.

En revanche, les praticiens restés de longues années sous des statuts précaires ont été les perdants d'un système qui les utilisait sans les reconnaître. La réforme de la procédure d'autorisation vise à mettre fin à ces situations, mais son application demande un suivi attentif.

Notre délégation souhaite que l'atelier aborde :

1. les conditions d'une **reconnaissance équitable des qualifications** ;
2. la place des établissements hospitaliers dans la coopération ;
3. le suivi des engagements pris en matière de recrutement éthique.

La France est disposée à présenter lors de l'atelier le bilan des premiers jumelages hospitaliers et les enseignements qu'en tirent les établissements des deux rives.`,
    ],
  },
  {
    iso3: 'IND',
    language: 'en',
    title: 'India: a large health workforce, unevenly distributed',
    fate: { to: 'published' },
    sections: [
      `India is one of the world's largest producers of doctors and nurses, and Indian health professionals work in hospitals across the Gulf, Europe, North America and Australia. For India the question is less one of absolute shortage than of distribution: our cities and private hospitals are comparatively well staffed, while many rural primary health centres lack a doctor.

The emigration of nurses from some southern States has a long history and is supported by families who see nursing as a path to work abroad. This has encouraged investment in training, but it has also made nursing education a business in which standards vary.

Health workers who go abroad face risks, in particular when they are recruited through unlicensed intermediaries who charge high fees. Those who return may find that their experience abroad is not valued by public employers.`,
      `Emigration of workers is governed by the Emigration Act, under which recruiting agents must be registered and workers going to certain countries need emigration clearance. The Ministry of Overseas Indian Affairs coordinates policy for Indians abroad and runs a welfare fund that assists workers in distress.

In the health sector, the Government's national rural health mission has created posts for nurses and community health workers in villages and provided incentives for doctors who serve in rural areas. Some States require graduates of public medical colleges to complete a period of rural service. The number of seats in public nursing colleges has been increased, with a focus on under-served States.

The *Indian Nursing Council* has tightened the inspection of nursing schools and publishes the list of recognised institutions, so that students and foreign regulators alike can check where a nurse was trained.`,
      `India has concluded labour mobility understandings with several countries in the Gulf and is negotiating arrangements on social security and recognition of qualifications with some European countries. We believe such arrangements should give Indian professionals fair access to recognition procedures, rather than leave them to work below their qualifications.

Indian doctors' associations abroad have set up telemedicine links with district hospitals, and some fund scholarships for students from poor families. We see the diaspora as a partner in strengthening rural health care.

State governments, which are responsible for most public health services, are increasingly active in their own right: one southern State has set up an overseas employment company that recruits nurses for foreign hospitals under transparent conditions, without fees for the workers.`,
      `We have learned that incentives for rural service work best when they include housing, schooling for children and opportunities for professional advancement, not only money. Compulsory rural service, where it was imposed without support, was often evaded.

Public recruitment agencies run by States have shown that ethical recruitment is possible without closing doors: workers pay nothing, contracts are verified, and the State keeps in touch with them abroad.

Questions we would propose for discussion:

- How can countries of destination and origin cooperate against fraudulent recruitment?
- How can **portable pensions and social security** make circular mobility of health workers more attractive?
- How can the experience gained abroad be recognised at home?

India would be pleased to host a follow-up meeting of experts on recruitment practices in the health sector, should the workshop find it useful.`,
    ],
  },
  {
    iso3: 'KEN',
    language: 'en',
    title: 'Kenya: training for export while staffing rural facilities',
    fate: { to: 'published' },
    sections: [
      `Kenya has a well-regarded system of nursing and medical training, and its graduates are recruited by employers abroad. At the same time, the public health service has had long periods in which it could not hire all the nurses the country trained, because of limits on public sector employment. Unemployed nurses then looked abroad.

The result is a paradox: vacancies in rural dispensaries and health centres alongside trained nurses without public posts. Our challenge is as much one of financing and deployment as one of emigration.

The HIV epidemic has added to the workload of health facilities and to the need for staff trained in new treatments, while health workers themselves have been affected. In some districts, a single nurse runs a dispensary serving several thousand people, and absences for training or illness close it altogether.`,
      `The Ministry of Health, with support from development partners, launched an **emergency hiring plan** that recruited several thousand nurses and clinical officers on contracts, with a commitment to absorb them into the permanent service over time. Priority went to facilities in arid and semi-arid districts, where the shortages were most acute.

The Nursing Council maintains a register of nurses that records verification requests from foreign regulators. This gives us, for the first time, an indication of how many nurses intend to emigrate and to which countries.

Kenya's approach to emigration is not restrictive. Nurses are free to leave; the Government seeks to ensure that the country trains enough to meet its own needs as well. A human resources strategy for the health sector sets out staffing norms for each level of facility and the steps to reach them.`,
      `Kenya participates in regional discussions within the East African Community on the mutual recognition of health qualifications, which should make it easier for health workers to move within the region in response to needs. The nursing councils of the partner States have agreed on a common framework for the registration of nurses trained in the region.

Partnerships between Kenyan and foreign universities support the training of nurse tutors and specialist doctors. Faith-based organisations, which run a large share of rural facilities, are key partners in deployment and retention, and their staff are included in the emergency hiring plan's support.

Development partners have financed salaries through the emergency plan on the understanding that the Government takes them over progressively; the first cohort has now been absorbed.

Kenyan nurses abroad, organised in associations in the United Kingdom and the United States, have begun to support training in Kenya, through donations of equipment and teaching materials and through short visits by nurse specialists. The Government welcomes these initiatives and has asked the Nursing Council to make it easier for Kenyan nurses abroad to keep their registration at home, so that they can return without new procedures.`,
      `The register of verification requests proved a simple and powerful source of information. It costs little, it uses data that regulators already hold, and it warns of departures before they happen. We recommend that other countries consider similar tools, and that regulators in countries of destination share their data on registrations.

Contract hiring with a clear path to permanent posts helped to bring nurses to places where they were not willing to go before.

Our delegation hopes the workshop will discuss how financing constraints on public employment in countries of origin can be addressed, since they contribute to emigration as much as salaries abroad do. We would also welcome an exchange on how development partners can support salaries without creating parallel systems.`,
    ],
  },
  {
    iso3: 'MEX',
    language: 'es',
    title: 'Movilidad del personal de salud: la experiencia de México',
    fate: { to: 'published' },
    sections: [
      `México forma cada año a un número importante de médicos y enfermeras, y la mayoría de ellos ejerce en el país. La emigración de profesionales de la salud es menor que en otros sectores, pero no es despreciable: enfermeras mexicanas trabajan en hospitales de Estados Unidos y, en menor medida, de Canadá y de España.

El principal desafío para nuestro sistema de salud es la distribución territorial del personal. Las comunidades rurales e indígenas, en particular en los estados del sur, cuentan con muchos menos médicos por habitante que las grandes ciudades.

Al mismo tiempo, las comunidades mexicanas en Estados Unidos tienen necesidades de salud a las que el país de destino no siempre responde: muchos trabajadores carecen de seguro médico, desconocen los servicios a los que tienen derecho o temen acudir a ellos. La salud de los migrantes es, para México, parte de la gestión de la migración.`,
      `El **servicio social** obligatorio, que los egresados de medicina y enfermería prestan durante un año, en muchos casos en comunidades rurales, sigue siendo el principal instrumento para llevar personal de salud a las zonas que más lo necesitan. El Gobierno ha mejorado las becas y la supervisión de los pasantes para que esta etapa sea también formativa.

La Secretaría de Salud ha puesto en marcha incentivos para médicos especialistas que aceptan plazas en hospitales regionales, y ha ampliado las residencias médicas en hospitales fuera de la capital.

Para los mexicanos en el exterior, las **Ventanillas de Salud** instaladas en los consulados de México en Estados Unidos ofrecen información, orientación sobre servicios de salud locales y campañas de prevención. Más información en [la página de la Secretaría](https://www.example.org/salud/ventanillas).`,
      `La cooperación con Estados Unidos en materia de salud fronteriza es antigua y se ha institucionalizado en una comisión binacional que trabaja en vigilancia epidemiológica y prevención. Cada año, una semana binacional de salud moviliza a consulados, clínicas comunitarias y voluntarios en decenas de ciudades para ofrecer exámenes y vacunación a las familias migrantes.

México también colabora con universidades y organizaciones de la sociedad civil para la formación de promotores de salud en comunidades de migrantes, que acercan la información a quienes no acuden a los servicios.

En el marco de la cooperación con países de Centroamérica, México ofrece becas para la formación de especialistas que regresan a sus países de origen. Las becas incluyen el compromiso de los becarios de trabajar en su país durante un período equivalente a la duración de su formación.`,
      `La experiencia de las Ventanillas de Salud muestra que los consulados pueden ser un punto de acceso eficaz a la salud para los migrantes: son lugares que los migrantes ya visitan y en los que confían. Su éxito depende de la colaboración con las clínicas y organizaciones locales del país de destino.

En cuanto al personal de salud en México, el servicio social ha sido eficaz para cubrir plazas rurales, pero los pasantes se sienten a menudo solos y sin supervisión; los médicos con experiencia siguen siendo difíciles de retener.

Proponemos que el taller examine:

- la atención de la salud de los migrantes como parte de la gestión de la migración;
- los mecanismos para que la movilidad de profesionales beneficie también a los sistemas de salud de origen;
- el intercambio de experiencias sobre incentivos para el trabajo en zonas rurales.`,
    ],
  },
  {
    iso3: 'SEN',
    language: 'fr',
    title: 'Le Sénégal face au départ de ses personnels de santé',
    fate: { to: 'published' },
    sections: [
      `Le Sénégal dispose d'une faculté de médecine et d'écoles de formation paramédicale dont la réputation dépasse nos frontières, et qui accueillent des étudiants de toute la sous-région. Une partie des médecins et des infirmiers que nous formons partent exercer à l'étranger, principalement en France, en Belgique et dans les pays du Golfe.

Ces départs touchent surtout les spécialités, comme l'anesthésie, la radiologie ou la psychiatrie, où les effectifs nationaux sont déjà faibles. Les régions de l'intérieur ont du mal à attirer et à retenir les personnels, qui préfèrent Dakar et ses environs pour les conditions de vie et les possibilités d'exercice privé.

Les sages-femmes et les infirmiers d'État constituent l'ossature des postes de santé ruraux. Leur absence se traduit directement par des accouchements sans assistance qualifiée et par des consultations qui ne sont plus assurées.`,
      `Le Plan national de développement sanitaire fait de la gestion des ressources humaines une priorité. Il prévoit :

- le recrutement contractuel de personnels pour les postes de santé ruraux, avec une prime de zone difficile ;
- le développement de la formation continue dans les régions, grâce à des centres régionaux de formation ;
- la révision des statuts afin d'offrir de meilleures perspectives de carrière.

Le ministère chargé des Sénégalais de l'extérieur encourage le retour des professionnels qualifiés, notamment par des facilités douanières pour l'importation d'équipements et par un appui à l'installation de cabinets dans les régions.

Une cellule chargée des ressources humaines au ministère de la Santé tient désormais un fichier du personnel, qui permet de connaître les effectifs réels par région et d'anticiper les départs à la retraite.`,
      `Le Sénégal a conclu avec la France un accord relatif à la gestion concertée des flux migratoires qui comporte un volet sur la formation de professionnels de santé et des dispositifs de mobilité temporaire. Des hôpitaux sénégalais et européens sont jumelés, et des médecins de la diaspora effectuent des missions d'enseignement et de soins dans nos hôpitaux régionaux.

Au sein de l'Organisation ouest-africaine de la santé, le Sénégal participe à l'harmonisation des programmes de formation, qui facilite la mobilité des personnels dans la sous-région. Nos écoles forment d'ailleurs de nombreux étudiants des pays voisins, ce qui fait du Sénégal un pôle régional de formation.

Les mutuelles de santé communautaires et les collectivités locales participent au financement de certains postes en milieu rural.`,
      `Les missions ponctuelles de la diaspora sont utiles, mais elles ne remplacent pas des postes pourvus de façon durable. Nous avons constaté que la prime de zone difficile ne suffit pas si elle ne s'accompagne pas d'un logement décent et d'une perspective de formation et d'affectation ultérieure.

Le fichier du personnel, d'apparence modeste, a changé la manière dont nous planifions : on ne peut pas gérer ce que l'on ne compte pas.

Nous souhaitons que l'atelier examine comment les pays de destination peuvent contribuer à la formation de formateurs et au financement des postes dans les pays d'origine, et comment les pôles régionaux de formation peuvent être soutenus. Les échanges entre écoles de la sous-région, qui partagent déjà des programmes harmonisés, pourraient servir de point de départ.`,
    ],
  },
  {
    iso3: 'CAN',
    language: 'en',
    title: 'Canada: integrating internationally educated health professionals',
    fate: { to: 'submitted' },
    sections: [
      `Canada's population is ageing, and the demand for health care is growing faster than the number of graduates from our own programmes. Internationally educated health professionals make an important contribution: a significant proportion of physicians practising in Canada obtained their first medical degree abroad.

Many internationally educated professionals, however, arrive as skilled immigrants rather than through targeted recruitment, and face long and costly processes before they can practise. Some never do, and work in other occupations. This is a loss for them and for the health system.

Health care is a provincial responsibility, and licensing is carried out by provincial regulatory bodies, which adds to the complexity for newcomers. Requirements and procedures differ from one province to another, and information is not always available before a person decides to immigrate.`,
      `The federal Government funds an **initiative on internationally educated health professionals** that supports provinces, regulators and educational institutions to:

- provide information before and after arrival on licensing requirements;
- develop assessment centres that evaluate clinical competence;
- offer bridging programmes that fill gaps in training;
- support employers in orienting and mentoring new staff.

## Residency positions and credentials

Several provinces have opened additional residency positions for international medical graduates, in some cases with a return-of-service commitment in under-served communities. A national online portal, [available here](https://www.example.org/health-professionals), brings together information for prospective immigrants.

Foreign credential recognition is also addressed across occupations by a federal office that helps newcomers find out how their qualifications are assessed. Its staff also work with our missions abroad, so that advice reaches prospective immigrants in their own country.`,
      `Canada does not actively recruit health workers from countries facing critical shortages, and provincial recruitment missions are encouraged to take this into account. Canada supports the development of a global code of practice at the World Health Organization.

We cooperate with countries of origin on the verification of credentials, and several Canadian universities run partnerships for the training of health workers in Africa and the Caribbean, including distance learning for nurse educators.

Within Canada, federal, provincial and territorial governments work together through an advisory committee on health human resources, which brings together planning for domestic training and for the integration of internationally educated professionals.

Regulators of the health professions cooperate with their counterparts abroad, through international associations, on the verification of diplomas and on the exchange of information about disciplinary measures.`,
      `Early information, given before a person immigrates, is the most cost-effective measure we have found: it helps people make informed decisions and prepare for licensing while still abroad. Bridging programmes work best when employers are involved from the start and offer clinical placements.

Return-of-service commitments have brought physicians to rural communities, though not all stay once their commitment ends.

We would welcome discussion of how countries of origin and destination can share information on credentials securely and quickly, and of how to avoid recruitment that undermines health systems in countries of origin while respecting the right of individuals to migrate. Canada would also value a discussion of data: neither countries of origin nor countries of destination know well how many health workers move, and for how long.`,
    ],
  },
  {
    iso3: 'DEU',
    language: 'en',
    title: 'Germany: care workers, recognition and fair recruitment',
    fate: { to: 'published' },
    sections: [
      `Germany faces growing needs in long-term care because of demographic change. The number of people in need of care is expected to rise considerably over the next two decades, and care homes and home care services already report difficulties in filling posts. The shortage of physicians is concentrated in rural areas of the eastern *Länder*, where many general practitioners will retire in the coming years without a successor.

Until now, Germany has relied mainly on domestic training and on the free movement of workers within the European Union. Recruitment of nurses from outside the Union has been limited, but interest among employers is increasing, and some have begun to recruit on their own through private agencies.

Many immigrants already living in Germany hold health qualifications obtained abroad that are not used, because the path to recognition is long or unclear.

Estimates suggest that several thousand doctors and many more nurses and care workers with foreign qualifications live in Germany and work outside their profession, or not at all. Some came as late repatriates from the former Soviet Union, others as refugees or through family reunification. Making use of their skills is at the same time a question of integration, of fairness and of meeting the needs of our health and care services.

Finally, Germany is itself a country of origin for health professionals: a noticeable number of young German doctors leave each year for Switzerland, Austria, Scandinavia or the United Kingdom, attracted by working hours and conditions. This reminds us that mobility runs in several directions at once.`,
      `Access to the labour market for nationals of non-EU countries is governed by the Residence Act and its ordinances, which allow the employment of nurses under certain conditions, including the recognition of their qualification as equivalent to German training.

Recognition procedures are carried out by the *Länder*. The Federal Government is preparing legislation to create a general right to have foreign professional qualifications assessed, within set time limits. In nursing, applicants whose training is found to differ substantially from German standards may complete an adaptation course or take an examination.

Language skills are a central requirement for patient safety. Employers and public employment services fund language courses geared to health professions, with vocabulary and situations taken from hospital and care work.

The statutory care insurance, introduced in the 1990s, finances a large part of long-term care and thus the demand for care workers. A reform now in Parliament will improve benefits for people with dementia, which is expected to increase the need for qualified staff further. The Federal Government and the *Länder* have therefore launched a campaign to train and retrain more people in care professions, including those already working in Germany with foreign qualifications.`,
      `The Federal Employment Agency does not recruit in countries that the World Health Organization lists as facing a critical shortage of health workers. Placement agreements with partner countries are under discussion, based on the principle that the partner country has more trained nurses than it can employ.

Germany supports health systems in partner countries through development cooperation, including the training of health workers and the strengthening of health administrations.

At European level, Germany takes part in the discussions on the recognition of professional qualifications and on the mobility of health workers within the Union, which affects both the countries that lose staff to their neighbours and those that gain. Several *Länder* also have partnerships with regions of Central and Eastern Europe that include exchanges of nursing staff and teachers.`,
      `Our experience is that recognition is the decisive bottleneck: qualified people wait too long and lose skills, or give up and take unqualified work. Clear time limits, a single point of contact and information in several languages help.

Private recruitment agencies vary greatly in quality. Employers need guidance on which practices are fair, and workers need to know that they should not pay placement fees.

We propose that the workshop discuss how countries can agree on **fair recruitment** criteria that are practical for employers, and how countries of origin with a surplus of trained nurses can be identified reliably.

## What Germany can offer

Germany would be glad to share the experience of its vocational training system for nurses, which combines schooling and practice in hospitals, with partner countries that wish to develop similar programmes.`,
    ],
  },
  {
    iso3: 'PER',
    language: 'es',
    title: 'Perú: retener a los profesionales de la salud en las regiones',
    fate: { to: 'published' },
    sections: [
      `En el Perú, la emigración de profesionales de la salud se ha acelerado en la última década. Enfermeras peruanas trabajan en España, Italia y Estados Unidos, y médicos recién egresados buscan especializarse en el extranjero ante la escasez de plazas de residencia en el país.

La distribución del personal es muy desigual: Lima concentra una parte mayoritaria de los médicos del país, mientras que los departamentos andinos y amazónicos tienen tasas muy inferiores. La población rural, que más necesita servicios básicos de salud, es la que menos acceso tiene a ellos.

A la emigración internacional se suma una migración interna del personal desde las regiones hacia la capital, y del sector público hacia el privado, que ofrece mejores remuneraciones y condiciones de trabajo.`,
      `El Ministerio de Salud ha fortalecido el **Servicio Rural y Urbano Marginal de Salud**, que los profesionales recién titulados prestan durante un año en establecimientos de zonas alejadas, como requisito para ingresar a la carrera pública y acceder a la residencia.

Se han creado bonificaciones para el personal que trabaja en zonas de frontera y de difícil acceso, y se están ampliando las plazas de residencia en hospitales regionales, con el compromiso de que los especialistas trabajen después en su región.

El Estado peruano también ha puesto en marcha un programa de retorno que facilita la convalidación de títulos obtenidos en el extranjero y la reincorporación de profesionales retornados. La ley de incentivos migratorios permite a los peruanos que regresan importar sin aranceles sus instrumentos de trabajo y equipos profesionales.`,
      `El Perú participa en la Comunidad Andina, donde se trabaja en el reconocimiento de títulos profesionales entre los países miembros y en la planificación conjunta de recursos humanos en salud. Con España, se mantiene un diálogo sobre la contratación de enfermeras que incluye compromisos de formación.

Las asociaciones de médicos peruanos en el exterior apoyan campañas de atención en zonas rurales y donan equipos a hospitales regionales. Algunas han organizado cursos a distancia para médicos de los establecimientos de primer nivel.

Los gobiernos regionales, que gestionan ahora buena parte de los servicios de salud, son socios indispensables para cualquier política de retención. Por ello, el Ministerio de Salud ha firmado convenios de gestión con varios de ellos, que fijan metas de dotación de personal en los establecimientos rurales.`,
      `Las bonificaciones por zona alejada son útiles, pero sin condiciones de vida adecuadas para las familias su efecto es limitado. Los profesionales que permanecen en las regiones son, con frecuencia, los que son originarios de ellas: formar a jóvenes de las propias regiones es quizá la medida de retención más eficaz.

El programa de retorno ha tenido una acogida modesta, en parte porque la convalidación de títulos sigue siendo lenta.

Proponemos que el taller analice cómo combinar incentivos económicos y no económicos, y cómo la cooperación con los países de destino puede apoyar la formación de especialistas en los países de origen.

El Perú estaría dispuesto a compartir en el taller los resultados de la evaluación del servicio rural, que se publicará próximamente en [el portal del Ministerio](https://www.example.org/peru/salud).`,
    ],
  },
  {
    iso3: 'VAT',
    language: 'fr',
    title: 'Le Saint-Siège et la dimension éthique de la mobilité des soignants',
    fate: { to: 'published' },
    sections: [
      `Le Saint-Siège participe aux travaux du Dialogue en qualité d'observateur. Les institutions sanitaires catholiques, hôpitaux, dispensaires et écoles d'infirmières, sont présentes dans de nombreux pays d'origine comme de destination, et constatent les effets de la mobilité des soignants sur les communautés qu'elles servent.

Dans certaines régions rurales d'Afrique et d'Asie, ces institutions assurent une part importante des soins. Lorsque leurs infirmiers et leurs médecins partent, ce sont les populations les plus pauvres qui en souffrent les premières.

Dans les pays de destination, ces mêmes institutions accueillent des soignants venus de loin, dont elles connaissent l'isolement et, parfois, la précarité : familles restées au pays, contrats qui ne correspondent pas à ce qui avait été promis, qualifications qui ne sont pas reconnues.`,
      `Le Saint-Siège n'a pas de politique migratoire au sens où l'entendent les États. Sa contribution porte sur les principes qui devraient guider les politiques :

- la **dignité de la personne** du soignant migrant, qui n'est pas seulement une ressource mais un travailleur ayant des droits, une famille et un projet ;
- le **droit à la santé** des populations des pays d'origine ;
- la **responsabilité partagée** des pays qui forment et des pays qui recrutent.

Les institutions sanitaires catholiques sont encouragées à s'abstenir du recrutement actif dans les pays en pénurie et à favoriser la formation locale. Plusieurs conférences épiscopales ont adopté des orientations en ce sens à l'intention des établissements qui relèvent d'elles. Elles rappellent aussi que le soignant qui choisit de partir doit pouvoir le faire dans la dignité et la sécurité.`,
      `Les congrégations religieuses et les réseaux hospitaliers catholiques soutiennent des jumelages entre établissements, des programmes de formation d'infirmières et des missions de soins de courte durée. Dans plusieurs pays d'Afrique, des écoles d'infirmières tenues par des congrégations forment chaque année des promotions qui restent, pour la plupart, au service des dispensaires ruraux.

Les aumôneries accompagnent les soignants migrants dans les pays de destination, en lien avec les associations de la société civile, et les aident dans leurs démarches ou en cas de difficulté avec leur employeur.

Le Saint-Siège participe aux travaux des organisations internationales compétentes en qualité d'observateur. Il y rappelle régulièrement que les personnes migrantes doivent être accueillies comme des membres de la famille humaine, et non seulement comme une main-d'œuvre.`,
      `Le Saint-Siège invite l'atelier à ne pas réduire la question à des chiffres : derrière chaque départ, il y a un choix personnel qu'il faut respecter, et une communauté qu'il ne faut pas oublier.

L'expérience des écoles d'infirmières de nos réseaux montre que les soignants restent plus volontiers lorsqu'ils ont été formés près de chez eux, pour des communautés qu'ils connaissent, et lorsqu'ils trouvent un sens à leur travail.

Une coopération fondée sur la solidarité entre pays d'origine et de destination nous paraît la seule voie durable. Nous suggérons que l'atelier examine comment les pays qui recrutent peuvent contribuer, de manière concrète et vérifiable, à la formation dans les pays qui perdent leurs soignants. Le Saint-Siège est prêt à faire part, lors de l'atelier, de l'expérience des réseaux hospitaliers catholiques en la matière.`,
    ],
  },
  {
    iso3: 'MAR',
    language: 'fr',
    title: 'Maroc : former, retenir et mobiliser les compétences médicales',
    fate: { to: 'submitted' },
    sections: [
      `Le Maroc forme ses médecins dans plusieurs facultés publiques dont le nombre a augmenté ces dernières années. Une part significative des jeunes médecins, en particulier des spécialistes, part exercer à l'étranger, principalement en France, en Belgique et en Allemagne, attirée par les conditions de travail et de rémunération.

Le pays connaît une pénurie de personnels dans les zones rurales et montagneuses, ainsi qu'un déséquilibre entre l'axe côtier, bien doté, et les provinces de l'intérieur. Dans certaines provinces, des centres de santé construits récemment ne peuvent ouvrir faute de personnel.

Le Maroc est par ailleurs devenu un pays de formation pour de nombreux étudiants d'Afrique subsaharienne, qui suivent leurs études de médecine dans nos facultés grâce à des bourses de coopération.`,
      `Le ministère de la Santé a adopté un plan d'action en faveur des ressources humaines qui prévoit l'augmentation du nombre de médecins formés, la création de nouvelles facultés et l'amélioration des conditions d'exercice dans les zones éloignées, notamment par des indemnités et des logements de fonction.

Une réforme du statut des personnels de santé est en préparation ; elle doit revaloriser les carrières et faciliter la mobilité entre les hôpitaux universitaires et les hôpitaux régionaux.

Le Maroc encourage également le retour des compétences par des programmes d'accueil des médecins marocains exerçant à l'étranger : facilités pour l'équivalence des diplômes obtenus hors du pays, appui à l'installation et possibilités d'enseignement à temps partiel dans les facultés. Un portail d'information, [accessible ici](https://www.example.org/maroc/sante), présente ces mesures aux praticiens intéressés.`,
      `Le Maroc coopère avec plusieurs pays européens pour la formation des spécialistes, dans le cadre de conventions entre facultés et centres hospitaliers universitaires. Les médecins accueillis en Europe pour une formation complémentaire s'engagent à revenir exercer au Maroc.

Les médecins marocains établis à l'étranger, regroupés en associations, organisent des caravanes médicales dans les régions enclavées et des séminaires de formation dans nos hôpitaux universitaires. Leur connaissance des systèmes de santé étrangers est précieuse pour la modernisation de nos établissements.

Avec les pays d'Afrique subsaharienne, le Maroc développe une coopération Sud-Sud qui associe formation et échanges de praticiens. Des médecins marocains effectuent ainsi des missions dans plusieurs pays africains, tandis que des étudiants de ces pays achèvent leur spécialisation dans nos centres hospitaliers universitaires.`,
      `Nous avons constaté que les médecins de la diaspora sont disposés à contribuer, mais que leurs initiatives restent trop souvent dispersées et ponctuelles. Une coordination par les facultés et les directions régionales de la santé permet de mieux les orienter.

Les indemnités de zone éloignée ont eu un effet réel, à condition d'être versées régulièrement et accompagnées d'un logement.

Nous souhaitons que l'atelier examine comment associer davantage les professionnels de la diaspora aux besoins des systèmes de santé des pays d'origine, au-delà des actions ponctuelles, et comment les pays de destination peuvent faciliter des allers-retours sans que les praticiens perdent leurs droits. La portabilité des droits à pension et la reconnaissance des périodes d'exercice à l'étranger nous paraissent à cet égard essentielles.`,
    ],
  },
];
