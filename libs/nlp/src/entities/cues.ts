// Closed word lists that signal a type around or inside a capitalised span. They are language
// knowledge (titles, legal forms, prepositions), not names, and are merged across French and
// English because wire copy mixes them ("le CEO", "Mr Macron").

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Lower-cased words that may join the parts of one name when the next word is capitalised. */
export const CONNECTORS = words(`de du des d' d’ la le les l' l’ of the for and & y del della di da dos das van von der den al el bin ben ibn à`);

/** Lower-cased titles and roles before a person's name; excluded from the span. */
export const PERSON_TITLES = words(`
  m. m mme mmes mlle me dr dr. pr pr. mr mr. mrs mrs. ms ms. miss sir dame lord lady
  président présidente président-directeur ministre premier première secrétaire porte-parole
  pdg dg ceo cfo coo cto fondateur fondatrice cofondateur directeur directrice patron patronne
  député députée sénateur sénatrice maire juge procureur procureure avocat avocate
  général générale colonel capitaine commandant lieutenant sergent amiral
  pape roi reine prince princesse cardinal archevêque évêque abbé père sœur frère
  entraîneur entraineur sélectionneur joueur joueuse attaquant défenseur milieu gardien
  chanteur chanteuse acteur actrice réalisateur réalisatrice écrivain écrivaine auteur auteure
  journaliste chercheur chercheuse professeur professeure docteur
  madame monsieur mesdames messieurs
  prime deputy acting former late ex-
  president vice-president minister secretary senator sen. sen rep. rep representative congressman congresswoman
  general governor gov. gov mayor judge justice chancellor ambassador commissioner chief chairman chairwoman
  director spokesman spokeswoman spokesperson founder co-founder executive officer
  gen. gen col. col capt. capt sgt. sgt lt. lt adm. cmdr.
  pope king queen princess archbishop bishop rev. rev reverend father
  coach manager striker midfielder defender goalkeeper captain
  singer actor actress rapper director author writer professor prof. prof doctor
  prosecutor attorney lawyer detective inspector officer constable
`);

/** Head words that make the span an organisation ("Banque de France", "University of Oxford"). */
export const ORG_HEADS = words(`
  ministère ministry department département université university college collège lycée école school
  association fédération federation confédération confederation banque bank parti party
  assemblée assembly sénat senate conseil council commission cour court tribunal institut institute
  agence agency société company compagnie corporation groupe group comité committee syndicat union
  office bureau centre center fondation foundation académie academy orchestre orchestra église church
  musée museum hôpital hospital clinique clinic police gendarmerie armée army navy marine
  mouvement movement front alliance organisation organization communauté community forces
  fonds fund board authority autorité service services régie caisse mutuelle
  club équipe team conservatoire observatoire laboratoire laboratory
  municipality municipalité conference conférence district
`);

/** Last words of broadcasters that take a channel number: "Sky Sports 2", "France 3". */
export const CHANNEL_TAILS = words(`sport sports eurosport tv channel radio news one`);

/** Last words (legal forms, media, sport, English institution heads) that make the span an organisation. */
export const ORG_TAILS = words(`
  ministry department office council commission committee authority agency board bureau service services
  association federation union league party assembly senate court conference institute foundation
  university college school academy hospital police army navy forces force fund church
  sport sports brands markets partners climate
  inc inc. corp corp. corporation co co. ltd ltd. llc plc sa sas sarl ag gmbh nv bv spa s.a. s.p.a.
  group groupe holding holdings partners capital industries technologies technology systems
  energy énergie pharmaceuticals pharma labs studios records entertainment media médias network
  airlines airways motors bank banque fc afc cf sc rc club united athletic olympique
  times post journal herald tribune gazette news press daily telegraph magazine tv télévision radio
  institute institut foundation fondation association university université council commission
  agency committee comité party parti union
`);

/** Last words that make the span a place. */
export const PLACE_TAILS = words(`
  street st st. avenue ave road rd boulevard square park river lake mount mountains mountain
  island islands bay valley county province state region district airport aéroport stadium stade
  bridge tower hall beach sea ocean gulf strait desert peninsula canyon falls forest heights
  city town village drive lane house cottage causeway gate palace castle cathedral mosque
  temple library bridge tunnel highway motorway freeway
`);

/** First words that make the span a place: "Mt Victoria", "Lake Geneva", "Fort Worth". */
export const PLACE_HEADS = words(`mt mt. mount lake cape fort port île lac mont cap col pic`);

/** Lower-cased words right before a span that make it a place. */
export const PLACE_PREPOSITIONS = words(`
  à en au aux vers depuis près in at near from to into across outside inside towards toward via
  throughout around
`);

/** Lower-cased words right before a span that make it an organisation. */
export const ORG_PRECEDERS = words(`
  groupe société entreprise firme constructeur opérateur banque chaîne journal quotidien hebdomadaire
  magazine site start-up startup club équipe parti syndicat association compagnie laboratoire chez
  company firm group bank carrier broadcaster newspaper network label startup team
`);

/** Lower-cased words right after a span that make it an organisation ("Saab spokesman", "Dymocks shares"). */
export const ORG_FOLLOWERS = words(`
  spokesman spokeswoman spokesperson shares shareholders stock staff employees workers boss bosses
  ceo chairman chairwoman board stores outlets brand customers subsidiary headquarters executives
  plant factory dealership franchise
`);

/** Words right after a span that make it a person ("Altman said", "Wang, 28,"). */
export const PERSON_FOLLOWERS = words(`
  said says told added explained wrote tweeted argued noted asked declared
  a déclaré affirme affirmé explique expliqué estime estimé ajoute ajouté indique indiqué souligne
`);

/** Capitalised words that are never names on their own: days, months, salutations, headings. */
export const NEVER_NAMES = words(`
  lundi mardi mercredi jeudi vendredi samedi dimanche
  janvier février avril mai juin juillet août septembre octobre novembre décembre
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec janv févr avr juil déc
  selon toutefois cependant pourtant ainsi alors après avant depuis malgré lors notamment
  however meanwhile according but and the a an
  photo vidéo video update updated breaking exclusive
`);

/** Nouns that, followed by "de"/"of", announce a place: "la ville de X", "the port of X". */
export const PLACE_NOUNS = words(`
  ville village commune région département province capitale banlieue quartier préfecture
  camp port aéroport centrale île îles vallée canton comté état états archipel plaine massif
  city town village province region county port state district suburb island islands valley
`);

/** Particles between a place noun and the place. */
export const OF = words(`de d' d’ du des of`);

/** Function words: capitalised only at the start of a sentence or a title, never a name alone. */
export const FUNCTION_WORDS = words(`
  le la les l' l’ un une des du de d' d’ au aux ce cet cette ces mon ma mes ton ta tes son sa ses
  notre nos votre vos leur leurs il ils elle elles on nous vous je tu y en ne pas plus moins
  qui que quoi dont où quand comment pourquoi si mais ou et donc or ni car
  dans sur sous avec sans pour par entre contre chez vers pendant depuis avant après selon
  parmi malgré lors dès hors outre durant via
  est sont était été être avoir a ont avait aura sera fait faut
  tout tous toute toutes aucun aucune chaque plusieurs certains certaines autre autres même
  c'est c’est ici là aussi ainsi alors encore déjà toujours jamais enfin puis ensuite cependant
  oui non voici voilà
  the a an this that these those my your his her its our their i you he she it we they
  me him us them who whom whose which what when where why how if but or and nor so yet
  in on at by for with without from to into onto of off over under about after before
  between among against during since until through across behind beyond within
  is are was were be been being have has had do does did will would shall should can could
  may might must not no yes all any each every both some many most more few other such
  there here then than also just only even still already again ever never now today
  as while although though because unless whether however meanwhile
`);
