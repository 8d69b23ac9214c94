/**
 * Hand-written cue words per IPTC top-level Media Topic, French and English, from general
 * newsroom usage (not from any evaluation document). A trailing * marks a prefix
 * ("économi*" covers économie, économique, économiste). Words joined by _ match as a phrase.
 * Matching ignores case, keeps accents (marché is not marche) and drops a plural s/x.
 */
/**
 * Casualty words say how grave a story is, not what happened: accidents, crimes and wars all
 * have dead and injured. Each is shared evenly by the three event topics (the index splits a
 * shared word's weight), so that the words for the event itself decide between them.
 */
export const SHARED_CUES: { tops: string[]; fr: string; en: string }[] = [
  {
    tops: ['medtop:02000000', 'medtop:03000000', 'medtop:16000000'],
    fr: `mort morts morte mortes mortel* tué tués tuée tuées blessé* victime* bilan_humain`,
    en: `killed killing* dead deaths death_toll toll injured injur* wounded wounding victim* casualt* fatalit*`,
  },
];

export const TOPIC_LEXICON: Record<string, { fr: string; en: string }> = {
  // arts, culture, entertainment and media
  'medtop:01000000': {
    fr: `art artiste* musée* exposition* peintre* peinture sculpt* cinéma* film* réalisat* acteur* actrice* comédien* théâtre*
      musique musicien* chanteu* chanson* concert concerts album* festival* opéra orchestre* roman romans romancier* écrivain* littéra*
      livre livres poète poésie éditeur* bande_dessinée patrimoine culture* culturel* spectacle* série* télévision* télé
      journal journaux journalis* presse média* radio radios oscar* césar* cannes danse* danseu* photograph* architect*
      divertissement* star stars célébrit* box-office scène tournée* prix_goncourt bibliothè* documentaire*
      artistique* œuvre* tableau* galerie* vernissage* metteur_en_scène cinéaste* long-métrage* court-métrage* tournage* scénari* comédie* drame* humoriste* rappeu* rap rock jazz pop groupe_de_rock disque* clip* chorégraph* ballet* sculpture* dessinat* illustrat* manga* éditions prix_littéraire académie_française académie_des_beaux-arts salle_de_spectacle billetterie* biennale* monument* château* archéolog* rétrospective* conservateur* mécène* mécénat animateur* émission* audience* rédaction* rédacteur* éditorialiste* quotidien* hebdomadaire* magazine* youtubeu* influenceu* netflix hollywood`,
    en: `art arts artist* museum* exhibition* painter* painting* sculpt* cinema* film* movie* actor* actress* theatre*
      theater* music* musician* singer* song* concert concerts album* festival* opera orchestra* novel* novelist* writer* author authors
      literat* book* poet* poetry publisher* comic* heritage culture* cultural* show shows series television tv broadcast*
      channel newspaper* journalis* press media radio oscar* grammy* emmy* hollywood dance* dancer* photograph* architect*
      fashion entertainment* celebrit* box_office stage tour* rapper* band bands documentar* streaming
      artwork* gallery galleries painting* sculpture* filmmaker* screenwriter* screenplay* premiere* sequel* blockbuster* comedy comedian* drama* rapper* rap rock jazz pop hip-hop singer-songwriter* choreograph* ballet* illustrat* manga* literary playwright* archaeolog* monument* curator* anthology* host hosts hosted anthem* audience* editor* editorial* magazine* youtuber* influencer* netflix broadway orchestra* symphony* soundtrack* lyric* bestseller*`,
  },
  // crime, law and justice
  'medtop:02000000': {
    fr: `crime* criminel* délit* police* policier* gendarme* enquête* enquêteur* justice judiciaire* tribunal tribunaux
      procès juge* jugement* magistrat* procureur* parquet avocat* condamn* prison* détention* détenu* garde_à_vue
      mis_en_examen inculp* accusé* accusation* plainte* suspect* arrest* interpell* meurtre* assassinat* homicide* 
      volé* voleur* cambriol* escroquer* fraude* corruption blanchiment trafic* trafiquant* drogue* stupéfiant* viol viols violé violée violeur*
      agression*  témoin* cour_d'appel cassation verdict* acquitt* perquisition* mafia* gang* fusillade* braquage*
      loi pénal* illégal* infraction* amende* sanction* harcèlement* abus_sexuel* pédophil* terroris* attentat*
      délinquan* criminalité judiciaire* enquête_judiciaire instruction garde_à_vue tribunal_correctionnel cour_d'assises assises réquisitoire* plaidoirie* prévenu* inculpation mise_en_examen casier* peine_de_prison sursis ferme perpétuité réclusion* braqu* kidnapp* enlèvement* séquestr* rançon* contrefaçon* escroc* arnaque* cybercriminalité extorsion* fusillé* abattu* poignard* coups_de_couteau légitime_défense féminicide* infanticide* parricide* incarcér* écroué* maison_d'arrêt détenu* libération_conditionnelle gendarmerie commissariat* brigade* interpol europol police_judiciaire avocat_général juge_d'instruction`,
    en: `crime* criminal* police* officer* detective* investigat* justice judicial* judge* court* trial* prosecut* attorney*
      lawyer* convict* prison* jail* sentence* sentenced detention* detain* custody arrest* charged accus* indict*
      suspect* murder* homicide*  stabbed stabbing* shooting* theft* stole* stolen robber* burglar* fraud* scam*
      corruption brib* launder* trafficking smuggl* drug* narcotic* rape* assault*  witness* verdict* acquit* guilty
      plea lawsuit* sued sue litigation* supreme_court gang* mafia* cartel* illegal* unlawful offence* offense*
      fined penalt* harass* abuse* terroris* extradit* felony misdemeanor
      offender* delinquen* felon* prosecutor* courtroom* jury juror* testimony testif* plead* pleaded sentencing parole probation inmate* incarcerat* manslaughter kidnap* abduct* ransom* counterfeit* extortion* cybercrime* stabbing* gunman gunmen shot_dead homicide* forensic* autopsy* warrant* subpoena* deport* smuggler* trafficker* fbi interpol europol sheriff* constable* misconduct embezzl* bribery perjury`,
  },
  // disaster, accident and emergency incident
  'medtop:03000000': {
    fr: `catastrophe* accident* collision* crash* incendie* feu feux pompier* secours* sauvet* naufrage* noyade* noyé* explosion*
      effondrement* séisme* tremblement_de_terre tsunami* inondation* crue* ouragan* cyclone* tornade* typhon* éruption*
      volcan* avalanche* glissement_de_terrain sinistre* sinistré*   décès*  disparu* évacu* déraill*
      urgence* rescapé*
      sinistre incendie_de_forêt feu_de_forêt pompiers sapeurs-pompiers sécurité_civile secouriste* hélitreuill* noyade* chavir* naufragé* crash_aérien catastrophe_naturelle catastrophe_aérienne intempérie* coulée* éboulement* submersion* évacuation* sans-abri bilan_humain carambolage* percut* sortie_de_route accident_de_la_route accident_de_la_circulation explosion_de_gaz fuite_de_gaz effondré* déraillement`,
    en: `disaster* accident* collision* crash* fire fires fireball* blaze* wildfire* bushfire* firefighter* rescue* emergenc* shipwreck* drown* sank
      sink* explosion* blast collapse* earthquake* quake* tsunami* flood* hurricane* cyclone* tornado* typhoon* erupt*
      volcan* avalanche* landslide*     missing evacuat* derail* survivor* 
      ambulance* paramedic*
      bushfire* firefight* firefighters fire_crews emergency_services search_and_rescue lifeboat* coastguard* capsiz* plane_crash car_crash road_accident pile-up derailment gas_leak gas_explosion mudslide* rockfall* sinkhole* aftershock* magnitude richter evacuee* evacuation* trapped rubble debris    burned blaze* inferno flames`,
  },
  // economy, business and finance
  'medtop:04000000': {
    fr: `économi* entreprise* industri* commerce* commercial* marché* bourse* boursier* actionnaire*
      investiss* investisseur* financ* banque* bancaire* banquier* crédit* dette* emprunt* prêt* taux_intérêt* inflation
      croissance pib récession chiffre_d'affaires bénéfice* profit* perte* résultat* dividende* rachat* acquisition*
      fusion* cession* start-up startup* pdg directeur_général patron* dirigeant* consommat* tarif* vente*
      achat* production* usine* fabricant* constructeur* exportat* importat*
      monnaie* devise* budget* fiscal* impôt* taxe* salaire* rémunérat* partenariat* filiale* faillite
      redressement_judiciaire liquidation opérateur* concurren* immobilier* logement* loyer* assurance* pétrole*
      énergie* gaz électricité carburant* agricult* agricole* agriculteur* éleveur* tourisme* compagnie_aérienne
      transport* automobile* valorisation capitalisation banque_centrale bce`,
    en: `econom* business* company compan* corporat* industr* trade* trading market* stock* shareholder*
      invest* financ* bank* banking banker* credit* debt* loan* borrow* interest_rate* inflation growth gdp recession
      revenue* sales earning* profit* loss* quarter* quarterly dividend* acquisition* acquir* merger* takeover*
      startup* start-up* ceo chief_executive customer* consumer* price* pricing retail* retailer*
      manufactur* factory factories automaker* export* import* tariff* currenc* budget* fiscal tax taxes taxation taxpayer* wage* salar*
      partnership* subsidiar* bankrupt* insolven* competitor* competition property real_estate housing
      insurance* insurer* oil gas energy electricity fuel* agricultur* farm* farmer* tourism airline* aviation transport*
      valuation nasdaq dow_jones wall_street ipo analyst* investor* federal_reserve central_bank fed
      shares`,
  },
  // education
  'medtop:05000000': {
    fr: `école* écolier* élève* enseign* professeur* instituteur* collège* collégien* lycée* lycéen* université* universitaire*
      étudiant* étude* éducation scolaire* scolarité rentrée baccalauréat bac examen* diplôme* campus classe classes pédagog*
      apprentissage formation*
      enseignement professeur_des_écoles instit* rectorat* académie* éducation_nationale ministre_de_l'éducation parcoursup grandes_écoles prépa* master* licence doctorat* thèse* cours scolarisé* déscolaris* cantine* cartable* maternelle* primaire secondaire supérieur bourse_d'études orientation pédagogique apprenti*`,
    en: `school* pupil* student* teacher* teaching educat* college* universit* campus* classroom* curriculum exam* graduat*
      degree* diploma* tuition kindergarten academic* scholarship* literacy
      schooling pupils headteacher* principal* classroom* lecture* lecturer* professor* undergraduate* postgraduate* phd dissertation* semester* term_time homework syllabus enrol* admission* kindergarten* preschool* primary_school secondary_school high_school grade* sat gcse* a-level* apprentice* vocational education_minister education_department`,
  },
  // environment
  'medtop:06000000': {
    fr: `environnement* écolog* climat* climatique* réchauffement pollution* polluant* émission* carbone co2 gaz_à_effet_de_serre
      biodiversité espèce* faune flore forêt* déforestation recyclage déchet* plastique* énergie_renouvelable éolien*
      éolienne* solaire* nucléaire* transition_énergétique sécheresse* océan* glacier* espace_naturel parc_naturel
      conservation développement_durable durable*
      écologique* écologiste* climatique* réchauffement_climatique changement_climatique dérèglement_climatique cop21 cop accord_de_paris giec gaz_à_effet_de_serre émissions_de_co2 qualité_de_l'air pollution_de_l'air particules_fines pesticide* glyphosate ogm nitrate* algue* marée_noire pétrole_brut espèce_menacée extinction* faune_sauvage réserve_naturelle parc_national zone_humide littoral* érosion* énergie_éolienne parc_éolien panneaux_solaires photovoltaïque* hydroélectri* géotherm* biomasse renouvelable* sobriété économie_d'énergie isolation_thermique voiture_électrique véhicule_électrique diesel* zone_à_faibles_émissions déchet* tri_sélectif compost* décharge* plastique* bio biologique* nature naturel* ours loup* abeille* oiseau* baleine* récif* corail* arbre* reboisement`,
    en: `environment* ecolog* climate* warming pollut* emission* carbon co2 greenhouse biodiversity species wildlife forest*
      deforestation recycl* waste* plastic* renewable* wind_power wind_farm* turbine* solar* nuclear drought* ocean* glacier*
      conservation* sustainab* endangered habitat* fossil_fuel*
      ecological* environmentalist* climate_change global_warming greenhouse_gas greenhouse_gases carbon_dioxide co2 methane emissions_trading carbon_tax net_zero paris_agreement ipcc cop air_quality air_pollution smog particulate* pesticide* glyphosate gmo* fertiliser* fertilizer* oil_spill spill* endangered_species extinction* wildlife national_park nature_reserve wetland* coastline* erosion* renewable_energy wind_turbine* solar_panel* solar_power photovoltaic* hydroelectric* geothermal* biomass electric_vehicle* electric_car* diesel* recycling landfill* compost* plastic_waste nature natural_habitat bee bees whale* coral* reef* tree trees reforestation deforestation rainforest* conservationist* greenpeace wwf`,
  },
  // health
  'medtop:07000000': {
    fr: `santé sanitaire* médecin* médical* médicament* hôpital* hôpitaux hospital* patient* malade* maladie* soin* soign*
      infirmi* chirurg* virus épidémi* pandémi* vaccin* vaccination cancer* diabète* sida vih covid* grippe infection*
      traitement* thérap* pharmac* clinique* urgences samu ars ministère_de_la_santé obésité tabac alcool* addiction*
      mental* psychiatr* dépression décès*
      hospitalis* hospitalier* urgentiste* généraliste* spécialiste* aide-soignant* sage-femme* ehpad maison_de_retraite sécurité_sociale assurance_maladie mutuelle* remboursement* ordonnance* pharmacie* pharmacien* laboratoire_pharmaceutique effets_secondaires essai_clinique essais_cliniques dépistage* diagnostic* symptôme* contamin* contagi* quarantaine confinement* masque* tuberculose rougeole paludisme ebola choléra grippe_aviaire méningite hépatite* sida alzheimer parkinson autisme avc infarctus cardiaque* cardio* oncolog* chimiothérapie greffe* transplant* don_d'organes santé_publique oms agence_régionale_de_santé haute_autorité_de_santé ministre_de_la_santé espérance_de_vie mortalité natalité obèse* nutrition* sommeil`,
    en: `health* healthcare medical* medicine* doctor* physician* hospital* patient* ill illness* disease* care nurse*
      surgery surgeries surgeon* surgical virus* epidemic* pandemic* vaccin* cancer* diabetes hiv aids covid* flu influenza infection* treatment*
      therap* pharma* drug* clinic* obesity tobacco smoking alcohol* addiction* mental* psychiatr* depression outbreak*
      hospitali* nurse* midwi* paramedic* general_practitioner gp gps care_home nursing_home health_insurance medicare medicaid nhs prescription* pharmacy pharmacist* pharmaceutical* side_effects clinical_trial* screening* diagnos* symptom* contagio* infect* quarantine* lockdown* mask* tuberculosis measles malaria ebola cholera bird_flu meningitis hepatitis alzheimer* parkinson* autism stroke heart_attack cardiac* cardio* oncolog* chemotherapy transplant* organ_donor* public_health who world_health_organization health_minister life_expectancy mortality obese nutrition* sleep dementia opioid* overdose*`,
  },
  // human interest
  'medtop:08000000': {
    fr: `insolite* anniversaire* centenaire* mariage* animal animaux chien* chat chats people célébrit* famille_royale prince*
      princesse* reine roi héros bébé* naissance*
      insolite étonnant* incroyable* émouvant* hommage* centenaire* doyenne* doyen* jumeau* jumelle* miracul* héroïque* sauvetage_d'un chien animal_de_compagnie zoo* panda* adoption* retrouvailles loterie loto gagnant* millionnaire* fait_divers`,
    en: `quirky unusual birthday* centenarian* wedding* animal* dog* cat cats pet pets celebrit* royal* prince* princess* queen king
      hero heroes heroic baby babies birth*
      quirky bizarre heartwarming tribute* centenarian* oldest twin* miracle* heroic* pet pets zoo* panda* reunion* reunited lottery jackpot* viral royal_family duchess* duke*`,
  },
  // labour
  'medtop:09000000': {
    fr: `emploi* chômage chômeur* travail* travailleur* salarié* syndicat* syndical* grève* gréviste* licenci* embauch*
      retraite* pôle_emploi smic salaire_minimum code_du_travail plan_social sociaux intérim* cdi cdd patronat* medef cgt
      cfdt fo négociation* convention_collective télétravail
      chômeurs demandeurs_d'emploi offre_d'emploi plan_de_licenciement licenciement* suppression* suppressions_de_postes postes emplois salariés grève_générale préavis* mobilisation* intersyndicale* sud cgt-fo unsa inspection_du_travail prud'hom* retraites réforme_des_retraites âge_de_départ assurance_chômage indemnisation* formation_professionnelle apprentissage* saisonnier* travailleurs_détachés ubérisation autoentrepreneur* temps_de_travail 35_heures heures_supplémentaires arrêt_maladie accident_du_travail`,
    en: `job* unemploy* employ* worker* workforce labour labor unions layoff* laid_off redundanc* hiring pension*
      retire* minimum_wage payroll* workplace collective_bargaining walkout*
      jobless unemployment_rate jobs_report payrolls nonfarm layoffs job_cuts job_losses redundancies walkout* picket* trade_union* labor_union* unionized teamsters afl-cio tuc collective_agreement wage_growth minimum_wage pay_rise pay_dispute overtime workforce employees employer* gig_economy contractor* pension* retirement_age furlough* apprenticeship* sick_leave workplace_safety occupational`,
  },
  // lifestyle and leisure
  'medtop:10000000': {
    fr: `loisir* vacances* voyage* tourisme touriste* gastronomie cuisine* recette* restaurant* vin vins bière* jardin*
      jardinage beauté bien-être shopping jeu jeux_vidéo
      gastronomique* cuisinier* pâtisserie* boulang* fromage* vignoble* vigneron* viticult* dégustation* brasserie* bistrot* étoilé* michelin hôtellerie hôtellerie camping* randonnée* plage* croisière* parc_d'attractions disneyland fête* festivité* brocante* marché_de_noël salon* foire* bricolage décoration* maison_et_jardin week-end balade* pêche chasse animaux_de_compagnie`,
    en: `leisure holiday* vacation* travel* tourism tourist* food cooking recipe* restaurant* wine* beer* garden*
      gardening fashion beauty wellness shopping hobby hobbies game* gaming lifestyle
      culinary cuisine* bakery bakeries cheese* vineyard* winemaker* winery tasting* brewery breweries pub* bistro* michelin hotel* camping hiking beach* cruise* theme_park disneyland festive* holiday_season christmas_market fair* diy home_decor interior_design weekend outing* fishing hunting pets fitness yoga diet* recipe* dining`,
  },
  // politics
  'medtop:11000000': {
    fr: `politique* gouvernement* gouvernemental* ministre* ministère* présiden* élection* électora* électeur*
      vote* voter scrutin* campagne* candidat* parti partis député* sénat* sénateur* assemblée_nationale parlement* parlementaire*
      législati* loi lois réforme* opposition* maire* municipal* conseil_municipal régional*
      départemental* préfet* préfecture* diplomat* ambassad* sommet* traité* union_européenne ue commission_européenne
      onu nations_unies otan démocrat* référendum* coalition* premier_ministre élu* mandat* sondage* ps lr rn lfi
      macron* souveraineté sanction* frontière* immigration migrant* réfugié* asile
      élu* élue* conseiller* mairie* hôtel_de_ville collectivité* communauté_de_communes agglomération intercommunalité* vice-président* délibération* séance* opposition_municipale majorité_municipale conseil_régional conseil_départemental législatives présidentielle municipales européennes régionales primaire* investiture* meeting* cohabitation* gouvernance* exécutif* élysée matignon quai_d'orsay sénateurs députés hémicycle* amendement* projet_de_loi proposition_de_loi motion_de_censure 49.3 décret* ordonnance* démission* remaniement* nomination* porte-parole* ministre_de_l'intérieur ministre_des_affaires_étrangères chef_de_l'état chef_du_gouvernement politicien* républicain* socialiste* écologistes insoumis* rassemblement_national les_républicains renaissance modem populis* extrême_droite extrême_gauche nationalis* dictat* régime* autoritaire* opposant* dissident* kremlin maison_blanche downing_street bruxelles strasbourg conseil_de_sécurité g7 g20 bilatéral* visite_officielle`,
    en: `politic* government* minister* ministry president* presidential* election* elector* voter* vote* voting ballot*
      campaign* candidate* party parties lawmaker* congress* senate* senator* parliament* parliamentar* legislat*
      reform* opposition majority conservative* liberal* labour_party democrat* republican* mayor* council* governor*
      diplomat* ambassador* embassy summit* treaty european_union eu european_commission united_nations un nato
      referendum* coalition* prime_minister elected mandate poll polls polling pollster* sovereignty sanction* border* immigration migrant*
      refugee* asylum white_house administration cabinet
      councillor* councilor* city_hall municipal* county* state_legislature legislature* governor* gubernatorial midterm* primaries primary caucus* nominee* nomination* inauguration* impeach* filibuster* veto* executive_order* speaker* house_of_representatives house_of_commons house_of_lords downing_street kremlin westminster capitol_hill whitehouse cabinet_minister foreign_minister foreign_secretary home_secretary chancellor* spokesman spokeswoman spokesperson resign* reshuffle* appoint* politician* republicans democrats gop tory tories labour snp liberal_democrat* populis* far-right far-left nationalis* dictator* regime* authoritarian* dissident* opposition_leader security_council g7 g20 bilateral* state_visit diplomacy foreign_policy`,
  },
  // religion
  'medtop:12000000': {
    fr: `religion* religieu* église* pape vatican catholique* protestant* évêque* prêtre* diocèse* islam* musulman* mosquée*
      imam* juif* juive* judaïsme synagogue* rabbin* bouddhis* hindou* foi croyant* culte* laïcité chrétien* christianisme
      cardinal* pèlerin* spirituel*
      paroisse* paroissien* curé* abbé* moine* religieuse* couvent* monastère* cathédrale* basilique* chapelle* messe* prière* ramadan* aïd pâques noël carême* pèlerinage* lourdes la_mecque hajj mosquée* laïque* blasphème* conversion* apostasie* théolog* sacrement* baptême* saint-siège conférence_des_évêques pédocriminalité_dans_l'église`,
    en: `religio* church* pope vatican catholic* protestant* bishop* priest* diocese* islam* muslim* mosque* imam* jewish jew*
      judaism synagogue* rabbi* buddhis* hindu* faith believer* worship* christian* cardinal* pilgrim* spiritual* clergy
      parish* parishioner* monk* nun* convent* monastery* cathedral* basilica* chapel* prayer* ramadan eid easter christmas lent pilgrimage* mecca hajj blasphem* conversion* theolog* sacrament* baptism* holy_see archbishop* evangelical* sect sects cult cults secular* anglican* orthodox_church`,
  },
  // science and technology
  'medtop:13000000': {
    fr: `science* scientifique* chercheu* recherche* laboratoire* découverte* étude* technolog* numérique* informatique*
      intelligence_artificielle ia algorithme* logiciel* internet en_ligne application* smartphone* ordinateur* robot*
      données cyber* piratage* hacker* réseaux_sociaux réseau_social plateforme* innovation* ingénieur*
      spatial* fusée* satellite* planète* astronom* nasa esa physique* chimie* biolog* génétique* adn télescope* cnrs
      inserm start-up tech* puce* semi-conducteur*
      scientifiques chercheurs étude_publiée revue_scientifique nature science publication* expérience* expériment* innovation* brevet* startup technologique* high-tech numérique* intelligence_artificielle ia_générative chatbot* chatgpt données_personnelles rgpd cybersécurité cyberattaque* piratage* rançongiciel* cloud serveur* réseau* 5g fibre opérateur_télécom télécom* smartphone* tablette* ordinateur* logiciel* application* jeu_vidéo réalité_virtuelle métavers* blockchain* cryptomonnaie* bitcoin* spatial* astronaute* fusée* lanceur* orbite* station_spatiale iss cnes esa nasa spacex mars lune sonde* astéroïde* comète* galaxie* exoplanète* trou_noir physicien* chimiste* mathématicien* biologiste* généticien* génome* cellule* molécule* fossile* dinosaure* paléontolog* archéolog* climatolog* prix_nobel`,
    en: `science* scientist* research* researcher* laborator* lab discover* study studies technolog* tech digital* computer*
      artificial_intelligence ai algorithm* software* internet online app apps smartphone* robot* data cyber* hack*
      social_media platform* innovat* engineer* space spacecraft rocket* satellite* planet* astronom* nasa physic*
      chemi* biolog* genetic* dna telescope* chip* semiconductor* machine_learning
      scientists researchers peer-reviewed journal study_published findings experiment* innovation* patent* tech_company tech_giant silicon_valley high-tech digital chatbot* chatgpt generative_ai personal_data privacy cybersecurity cyberattack* hacking ransomware cloud server* network* 5g broadband telecom* smartphone* tablet* laptop* software* app apps video_game* virtual_reality metaverse blockchain* cryptocurrenc* bitcoin* space_agency astronaut* rocket* orbit* space_station iss spacex esa mars moon asteroid* comet* galax* exoplanet* black_hole physicist* chemist* mathematician* biologist* geneticist* genome* cell* molecule* fossil* dinosaur* paleontolog* archaeolog* nobel_prize quantum`,
  },
  // society
  'medtop:14000000': {
    fr: `société* social* sociaux pauvreté inégalité* discrimination* racisme* raciste* égalité* féminis* droits_des_femmes
      homosexu* lgbt* mariage_pour_tous famille* enfant* jeunesse* jeune* personnes_âgées handicap* logement_social
      sans-abri* sdf migrant* immigration communauté* associat* bénévol* solidarité* droits_de_l'homme
      population* démograph* charité*
      sociétal* inégalités précarité* pauvre* misère* exclusion* sans-domicile* mal-logement* hébergement_d'urgence restos_du_cœur secours_populaire croix-rouge emmaüs banque_alimentaire aide_sociale rsa allocation* prestations_sociales caf protection_de_l'enfance maltraitance* violences_conjugales violences_faites_aux_femmes égalité_femmes-hommes parité* genre* transgenre* homophobie* antisémitisme* islamophobie* racisme intégration* banlieue* quartiers* cité* jeunes mineurs_isolés vieillissement* dépendance* handicapé* accessibilité* natalité démographie* recensement* mariage* divorce* adoption* pma gpa euthanasie fin_de_vie avortement* ivg contraception* laïcité`,
    en: `societ* social poverty inequalit* discriminat* racism* racist* equality feminis* women's_rights gay lgbt* same-sex
      family families child* children youth elderly disabilit* homeless* migrant* immigra* communit* charit* volunteer*
      welfare human_rights population* demograph* diversity
      societal poverty_line inequality homelessness homeless rough_sleeping food_bank* welfare benefits social_security child_protection child_abuse domestic_violence violence_against_women gender_equality gender* transgender* homophob* antisemit* islamophob* racism integration* neighbourhood* neighborhood* inner_city youth elderly ageing aging disabled disabilit* accessibility census* marriage* divorce* adoption* ivf surrogacy euthanasia assisted_dying abortion* contraception* civil_rights minority minorities indigenous aboriginal* first_nations`,
  },
  // sport
  'medtop:15000000': {
    fr: `sport* sportif* football* footballeur* foot rugby* tennis* cyclis* vélo* tour_de_france athlétisme* athlète* natation*
      nageu* basket* handball* volley* boxe* boxeur* golf* ski skiing skier* skieur* judo* formule_1 f1 pilote* grand_prix match* matchs
      championnat* champion* championne* coupe_du_monde coupe coupes ligue* ligue_1 jeux_olympiques olympique* jo médaill* but*
      buteur* entraîneur* sélectionneur* équipe* joueu* club* stade* victoire* défaite* finale* demi-finale* tournoi*
      score* supporter* psg uefa fifa transfert* mercato saison* classement* podium* maillot* marathon*
      sportive* footballeurs rugbymen tennisman tenniswoman cycliste* coureur* peloton* étape* maillot_jaune sprint* olympiques paralympique* mondial* euro_2016 ligue_des_champions coupe_de_france top_14 roland-garros wimbledon us_open open_d'australie tour_de_france grand_chelem ballon_d'or sélection* sélectionné* titularis* remplaçant* gardien* attaquant* défenseur* milieu_de_terrain pénalty* penalty* carton_rouge arbitre* vestiaire* stade* hippodrome* course_hippique jockey* turf escrime* aviron* voile* navigat* vendée_globe surf* skate* alpinis* trail* triathlon* rallye* moto* motocross* nascar mma catch haltérophil* gymnast* patinage* biathlon* handisport dopage* antidopage`,
    en: `sport* football* footballer* soccer rugby* tennis* cycling cyclist* athletic* athlete* swimm* basketball* nba nfl
      nhl mlb baseball hockey boxing boxer* golf* golfer* ski skiing skier* skier* formula_one f1 grand_prix match* matches
      championship* champion* cup league* olympic* olympics medal* goal* striker* coach* team* player* club*
      stadium* win wins winning won victor* defeat* beat final finals finalist* semifinal* semi-final* tournament* score* scored fan fans uefa fifa
      transfer* season* ranking* title* podium* marathon* premier_league inning* quarterback* playoff*
      footballers soccer_player* cyclist* peloton* stage_win yellow_jersey sprint* olympian* paralympic* world_cup euro_2016 champions_league fa_cup super_bowl stanley_cup world_series roland_garros wimbledon us_open australian_open grand_slam ballon_d'or squad* lineup* goalkeeper* goalie* striker* defender* midfielder* penalty* red_card referee* umpire* dressing_room locker_room racecourse* horse_racing jockey* fencing rowing sailing regatta* surfing skateboard* mountaineer* triathlon* rally* motorcycle* motogp nascar indycar mma ufc wrestling weightlift* gymnast* skating biathlon* doping anti-doping cricket* wicket* test_match inning* batsman batter* pitcher* touchdown* quarterback* halfback* fixture* relegat* promotion* derby`,
  },
  // conflict, war and peace
  'medtop:16000000': {
    fr: `guerre* conflit* armée* militaire* soldat* troupe* combat* combattant* bombardement* bombe* frappe* missile* drone*
      attaque* offensive* rebelle* milice* jihadis* djihadis* insurg* otage* cessez-le-feu paix négociation* manifestation*
      manifestant* émeute* protestation* heurts affrontement* gaz_lacrymogène* barricade* insurrection* répression violence* armement* arme* défense* invasion* occupation* génocide* réfugié*
      terroris* attentat* coup_d'état putsch
      militaires armées forces_armées état-major* colonel* bataillon* régiment* frappes_aériennes raid* bombardé* obus* roquette* artillerie* char* blindé* kalachnikov* fusil* explosif* kamikaze* attentat-suicide djihad* daech état_islamique al-qaïda taliban* hezbollah hamas boko_haram jihadistes rebelles insurgés séparatist* guérilla* paramilitaire* mercenaire* wagner front ligne_de_front tranchée* belligérant* cessez-le-feu trêve* armistice* accord_de_paix pourparlers* casques_bleus maintien_de_la_paix otan défense_antiaérienne nucléaire_militaire prisonniers_de_guerre crimes_de_guerre crime_contre_l'humanité exode* déplacés camp_de_réfugiés`,
    en: `war* warfare conflict* army armies military* soldier* troop* combat* fighter* fighting bomb* airstrike*
      missile* drone* attack* offensive* rebel* militia* jihadi* insurg* hostage* ceasefire cease-fire peace negotiat*
      protest* protester* demonstrat* riot* unrest clashes tear_gas barricade* uprising* crackdown* violence weapon* arms defence defense invasion* invade* occupation*
      genocide* terroris* coup coups militant* shelling
      servicemen troops armed_forces military_base colonel* battalion* regiment* air_strike* airstrikes raid* bombed shelling shelled rocket* artillery tanks armoured armored rifle* explosive* suicide_bomb* jihad* isis isil islamic_state al-qaeda taliban hezbollah hamas boko_haram separatist* guerrilla* paramilitar* mercenar* wagner frontline* front_line trench* warring truce* armistice* peace_deal peace_talks peacekeep* war_crimes crimes_against_humanity displaced refugee_camp* prisoners_of_war nato_allies`,
  },
  // weather
  'medtop:17000000': {
    fr: `météo* météorolog* prévision* température* chaleur canicule* froid* gel neige* pluie* pluvieu* orage* tempête*
      vent vents rafale* vigilance_orange vigilance_rouge météo-france ensoleill* nuage*
      prévisions_météo météorologique* bulletin_météo vigilance* épisode_cévenol épisode_méditerranéen dépression* anticyclone* front_froid vague_de_chaleur vague_de_froid grand_froid fortes_chaleurs averse* grêle* brouillard* verglas* chutes_de_neige précipitation* degrés températures thermomètre* humidité* ensoleillement éclaircie* ciel rafales_de_vent tempête_tropicale mistral tramontane`,
    en: `weather forecast* temperature* heat heatwave* cold* frost snow* rain* rainfall storm* thunderstorm* wind winds windy gust*
      meteorolog* sunny blizzard* met_office
      weather_forecast meteorological forecaster* national_weather_service met_office bureau_of_meteorology weather_warning severe_weather low_pressure high_pressure cold_front heat_wave cold_snap freezing shower* hail hailstorm* fog* icy sleet snowfall* precipitation* degrees celsius fahrenheit thermometer* humidity sunshine cloudy skies gale* gusts tropical_storm monsoon* el_niño la_niña drizzle`,
  },
};
