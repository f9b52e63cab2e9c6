// The most frequent words of everyday French, most frequent first: the first 4 000 entries of the French frequency list
// of the npm package @zxcvbn-ts/language-fr 4.1.2 (MIT; counted on film and series subtitles), folded without accents,
// kept to single words of four letters or more that the word list of an-array-of-french-words 2.0.0 also has (which
// leaves out first names): 3 172 words, generated once. Extracting a place from a sentence uses them twice: a commune
// named by a frequent word (« touche », « signes », « plaisir ») needs a cue, and the words after « à » or « j'habite »
// are not read as a misspelt commune when they start with one (« à la maison », « à envoyer »).
export const frequentWords: readonly string[] = `
vous pour dans suis plus avec bien nous fait tout faire etait mais sais elle etre veux comme sont quoi peux vais
votre dire rien avez cette pourquoi chose aussi voir avoir jamais quand merci etes peut meme comment tous autre
juste temps alors accord tres deux vraiment toujours encore dois avait fois quelque fais notre besoin aller faut
monde maintenant etais trop avais allez vrai parler pere crois sans avant aime doit leur femme homme deja veut sera
pense personne chez gens mere mieux mort beaucoup fille apres dieu vois autres avons maison jour passe petit depuis
soit prendre choses ouais argent soir parce toute moment savoir plait donc arrive raison peur seul voulais bonjour
cela aider nuit aurais famille moins salut probleme partir bonne travail voulez fils viens entre reste tete pris
trouver sait sommes serait seule trouve jours enfants tuer savez venir pourrait appelle part tard aurait chance quel
trois pouvez connais jusqu voiture sens assez gars comprends idee vite parle ensemble amour passer toutes heure sang
importe coup truc grand sortir quelques porte petite contre vient voila nouveau entendu rester devrais pendant
demain hommes frere fini longtemps tant amis question chercher demande desole faites monsieur genre aide partie
laisser revoir sous mois histoire derniere pensais place pouvoir quelle devrait mettre vont yeux cause hein maman
attends ville police donner endroit savais perdu enfant donne venu etaient cote facon affaire main arrete heures
tellement premiere seulement corps premier suite leurs point mourir papa train pardon devant type dont aura regarde
espere puis matin pourrais compte aimerais loin demander equipe dirait minutes vieux manger arreter vers droit
confiance bebe vivre parti chambre possible mari jeune chaque nouvelle compris jouer aucun merde verite prends
annees belle voulait prie gros croire devez boulot appeler beau combien super femmes ecole filles affaires bureau
elles aucune journee laisse chef arriver coeur important attendez mains desolee pret font meilleur pres sois envie
fort semaine telephone hier instant guerre plutot parents mariage grande pays abord souviens tomber attendre dernier
plein serai allons marche appele personnes dehors dessus bientot securite penses garcon plan attention terre peine
derriere semble inquiete propos travailler choix faute rentrer voici retour entrer lieu changer fera ceux prison
regarder ferai prend autant putain cours essaie presque rendre fete penser tiens difficile celui numero cherie
regardez ainsi route voit essayer essaye plaisir etiez entendre facile suffit venez adore mauvais arme propre
croyais amie sauver sujet film tour peuvent oublie hopital heureux allait perdre minute annee garder cinq aimes
service travaille payer change voulu devons visage quatre courant devoir parles faisait montrer voudrais sure photo
avis garde devenir doute pire pouvais verre dites appris morte veulent calme esprit malade drole reve comprendre
serais ecoute commence cherche cafe attend problemes alle allais dollars chien questions voyez chemin boire sorte
prochaine bras moyen musique venue simple bizarre nouvelles haut enfin dormir grave gentil arretez ecrit madame
morts rencontrer situation fous revenir entends docteur retard vaut debut recu diner salle sort partout face gagner
trucs seconde souvent soeur seigneur erreur jack etat secret message proteger envoye interieur manque meilleure
devait groupe rapport pensez meurtre occupe commencer occuper livre exactement acheter prix aviez semaines ferais
majeste reviens effet pouvait voix ceci surement battre ferme serieux force devriez reussi ordre genial bonsoir faux
bout carte soiree joue puisse piece suppose millions retrouver agent apprendre voyage utiliser ailleurs simplement
appel avaient allo mots tirer accident agit disparu bois armes connaissez impression faim impossible anniversaire
armee deteste seras aurai medecin decide long finir scene seront cheveux colere fond cher capitaine avocat paix
pouvons celle ignore ressemble rencontre mauvaise cool petits present retourner devenu parfait risque libre noel
bateau heureuse pars devais rentre doivent continuer cadeau suivre hotel photos fasse habitude grace gagne tenir
clair completement pourra ligne avion rappelle patron connait promis noir general parfois disent reponse mission
froid croyez idiot auras vraie soin gauche expliquer savait liste ensuite crime lumiere dangereux disais honneur
controle table bienvenue president ferait autour soleil envoyer porter vole arrivee systeme sorti prete connaitre
sors mets epoque pied quitter enquete chaud pieds rend camp lettre marcher plusieurs triste danger avenir poste
rouge pauvre lire moitie oublier prenez maitre jolie surprise preuve decision forme folle pareil visite sortie
classe tombe poser content offre serez termine disait probablement aimer vouloir ciel relation sale tranquille coin
fallait balle soyez capable incroyable cheri pote oncle vieille stupide ouvrir ecouter arriere gueule imagine
surtout ordres normal continue jeunes cuisine boite victime droite bons foutre vivant attaque jure ecoutez parlez
etrange signifie choisi flics neuf avance voyons different maniere combat dedans chanson bonnes existe sympa montre
sinon achete coupable touche cacher bouge ecrire recherche bord blesse prefere tire allee sentir monter aurez
certain grosse gamin secondes magnifique bouche tort voie voler dirai travers responsable honte interet professeur
prevu emmener envoie faisais tele tient bordel coucher rire compagnie blague vendre public reunion connu viennent
directeur oeil sauve amoureux dossier peuple operation conseil cerveau servir hors societe aille mange sent prochain
laquelle prets paye dejeuner reves devient humain dame tueur preuves milieu nourriture recuperer bravo juge repondre
pleine heros exemple flic eviter nulle decouvert depart messieurs quitte peau fiche cheval presente prise position
livres vetements savent dingue auriez sauf regles ouvert signe trou entree secours blanc ennuis role fric
gouvernement menti coups adresse jeter entreprise enfer bruit base centre espoir promets verifier vaisseau
experience revenu prince empecher ramener souvenir obtenir client parait marier garcons contact video diable sante
deuxieme envers sentiments verra immediatement restez irai niveau paris robe drogue proces projet joli vent peter
appartement certains club preparer portes douleur bete entrez excuser arrivera etions fleurs mecs pourriez
felicitations toilettes mise croit interesse vide attendais utilise realite proche temoin biere discuter occasion
lycee reine asseoir revient excuse cense solution aimais derange grands choisir sert baiser presenter venus enceinte
faudra pute conneries clients approche presse derniers seuls vecu aimez repas merite quartier energie accepter
reflechir horrible journal rendu ennemi informations personnel copine terrible mien dirais telle contrat rapide
avions destin justice egalement terrain comprenez altesse importance village ouvre honnete assurer special banque
tenez liberte chacun bombe conduire sept necessaire radio fier plupart cotes magasin danse epouser freres ridicule
detruire contente charge idees longue histoires espece zone monstre soient retrouve meilleurs pourtant respect
patient forte bonheur glace fenetre remettre parole futur match restaurant laissez retourne humains lune decouvrir
prouver spectacle offrir bill arrivent memoire machine planete vacances connard nature pleurer refuse propres
toucher pression vies danser souvenirs petites veuillez assis urgence code riche sortez maladie inspecteur espace
trouves apporte couple court enorme anglais bande sauter mignon henry excuses tourne contraire faits huit sache
politique gout tourner rappeler jambes portable faite chanter interessant programme camion restes failli bain parie
mille beaute chaussures invite sourire inquietez soldats nouveaux marie frais courage attraper remercie cour
remercier doucement mariee descendre regler aies ancien environ alcool tante enlever ayez defense faible pose
arranger monte chat aimait papier taille dure rapidement dents gosse couteau hasard intention entier suspect points
afin chere etage chier victimes selon pourras parmi pitie aiment unique eglise carriere agir absolument rejoindre
permis difference merveilleux sexe epouse vouliez savons noms test debout cartes viendra remarque films copain suivi
mienne raisons paie serie cible image amuser rends piste pourrai procureur apprecie frapper crise memes bouger
langue course lors partis conversation inquieter princesse regard importante palais secrets aise identite lequel
moindre fermer emmene poisson londres couleur mademoiselle souhaite details casse mentir accepte venait dernieres
types utile etant reposer appartient foutu commandant gerer frappe faisons inutile souci troisieme universite courir
lien animaux dise exact attendant compter puisque tuee presence joie enfoire cles rate appelles pieces etranger
echapper donnees lorsque odeur decider pensent acces reprendre abandonner faudrait direction cache camera arret
passee forces magie nombre succes signal comptes taxi pont double depend doigts sexy raconter chiens lait voudrait
exterieur lever membres parlait action papiers recevoir article auraient produit couper echange recherches pensait
certaines date apporter gateau jambe creer resultats ordinateur marre silence amene gentille fonctionne jesus
proches concerne valeur attendu menace chasse fout lettres detruit prendra toit douce meurt laisserai metres soldat
cinema oblige certainement arbre partez morceau appareil prevenir salaud demandais devrions viande campagne
naissance officier durant gardes reparer discours coupe amener mechant balles costume pluie semblant richard pain
ouvrez tribunal pause certaine repondu sentiment lache bouteille regrette faveur poids devenue prive poulet
conscience facilement totalement complique amoureuse trouvee membre pleure debarrasser joyeux tombee perds reel
ministre grandi bataille epee ressens emission pourrez bleu volonte mens intelligent million cree pourraient assure
piege noire coffre salope continuez falloir etoiles surpris folie partager saura miss faisant pierre proprietaire
marrant tommy fatigue directement abandonne retraite disant malin nord vitesse agents comprend voitures serieusement
jete vendu finalement ennemis grandes hate jeux couche robert parfaite entendez beaux imaginer jardin voulons
arrives colonel supporter sacre chapeau parlais plage medicaments crains perd convaincre montagne dormi agreable
genie champ examen fuir joindre controler serons dommage marque victoire servi habite milliers appelait amusant
poche direct pouvoirs regle mode lieutenant batiment passage traitement univers nouvel mesdames prepare connaissance
celebre demandes partenaire senti responsabilite talent ventre oubliez supplie humaine veritable atteindre degage
patients plans chevaux moments moyens nettoyer fantome metier apparemment reflechi ange clairement appelee invites
dors mensonge defendre ouverte relations realise gosses reveiller interdit survivre style doigt trouvera meurs
militaire droits perte titre source offert cent signer tresor mark parc manquer enchante nombreux formidable doux
plat commis dira dort promesse belles oreilles raconte risques couverture animal conduit differents queue
information verras heureusement billets feras parfaitement regardes embrasser imbecile vieil nerveux lancer battu
joues retirer paroles stop genoux empreintes ramene unite attaquer trouvez flingue acte saviez foret pensees alles
mesure evident cousin appels terme lecon connaissais emploi innocent superbe traces salon mauvaises aupres sherif
esperais explique passera aeroport souffrir riviere reviendra maries soupe ancienne haute delicieux larmes page
vache ignorais attendent coute appelez verifie cancer americain services perdue chances familles commande oiseau
entend maire parlent repete sommeil immeuble permettre prudent changement trace aveugle recemment erreurs ombre
fesses evidemment surveiller claire bague demon coince tente tenu vienne puissance accuse reveille note dossiers
notes dirige douche principal liberer neige etudes etudier francais paradis vrais rappelles disparaitre bref
devraient blanche voulaient rentree violence protection suit sport inquiet mince temoins paquet amies virer humeur
choc eleve suicide commun policier bougez enleve lieux auront voleur desormais privee exploser souffle vote quels
resoudre tienne speciale semblait file essayez soutien puissant racontes ravi occupee miracle premiers brise mandat
surveillance siege assassin vert blesser deviens objet repond theorie images bosse fortune veste mene usine cretin
site divorce differentes actions sombre pantalon forcement traiter normale periode annonce disons respirer dimanche
cependant quelles differente avancer cherchez craint mine criminel obtenu assurance distance enfuir fuite serieuse
vire levres revenue tenue laisses finit logique suivant tableau pousser sergent reputation saison mouvement fatiguee
cellule cherches profiter deranger entrainement incident rose chemise resultat idiote bosser physique cameras
plaisante sonne demandez lunettes blessure chaleur reviendrai amitie permission donnerai meurtrier journaliste
reponses version pilote enfance prendrai reponds prennent journaux entiere seraient souris samedi modele lendemain
malgre souvenez soucis theatre taire chocolat reconnais chante particulier laver courses fiere louis rues star yang
eleves couilles chauffeur adulte jury tues inviter venger pauvres secretaire zero emmerde artiste adorable lourd
pete puce doue dieux reussir riches trouverai crier concernant vente engage traite verrai cardiaque traverser
efforts virus abri travaillait vendredi trompe ecoutes oiseaux cabinet endroits explosion geste devra maisons hiver
sage casser moteur esprits blessee construire employes oreille cadeaux atteint parlant chaise malheureusement fusil
vivante gorge final boutique affronter pardonner maria souffre voient concours mener reseau curieux chair concert
meurtres passait represente prof donnes medecins vision chaine repos survecu chateau davantage voisins justement
dessous epreuve aurons mensonges herbe murs rare comportement fonds caisse aventure arbres finie crimes station
ayant tien magique ambulance accompagner lacher minuit attente restera origine plainte bebes essence ment opinion
somme infirmiere ours pistolet essayais calmer cesse attrape foyer second fausse reculez repeter gare siecle
rencontres cherchais romantique ceremonie blessures mettez reaction billet gaffe jaloux corde ecris gamins cauchemar
fumer verrez horreur nuits midi humanite terminee liquide combattre ocean reellement projets personnage tournee
opportunite apprend fiston leve heritier celles excellent manques ennuie centaines fleur vivent remonter salaire
laissee voyais ouest incendie permet filer realiser seriez carter refaire empeche cloche documents canon recommencer
precedemment sorciere absence prevenu recompense intelligente navire crane acteur aient chine parlons avocats tache
autrement echoue conference anciens cadavre menage rapports tromper traverse desert haine amuse tenter conseils
uniforme construit agence messages bruler rythme technique foule chute poitrine expres garage peinture velo royaume
sucre materiel lance desir scientifique pousse existence produits croient arrestation adieu tests contacter nourrir
poursuivre entrainer collegues debile protege manteau remplacer aidera etoile attirer declaration porc frontiere
complet profond travailles sentais propose credit fromage feront masque rompu connaissait aimerait joueur uniquement
estomac degagez front morceaux americains piscine soigner propriete couloir reconnu cheque quiconque chinois
pourrions etudiants attendait ascenseur conditions ordinaire jette annoncer gene discussion urgent chut seins
etonnant prenom installer precieux panique vehicule nomme barre pareille irait franchement passent science qualite
condition pretre rempli rumeurs limite champion creme ecran competition vengeance appellent communaute donnez
fantastique rater passes surface implique deviner sentez region avantage aube venais bite secrete lapin sacree soif
ferez montagnes reserve pratique episode fasses meilleures tempete trainer fiancee trouvent remonte oeuvre etape
traduction couvrir lundi reconnaitre cents departement possede fruits charmant poupee portait eliminer demi brule
parties lentement objets kilometres plaisantes parlera terres admettre sers approcher entretien remis feriez inconnu
fallu retenir effort portee invente emotions poison lois technologie touchez internet champagne gardez gardien conge
gacher liaison courageux geniale circonstances naturel echappe malheur lorsqu venant voyant concentrer travaillez
difficiles choisis explication incapable medecine etrangers chou prisonnier parte couvert crie saute proposition
russe veille enterrement fumee studio profondement objectif avouer demons digne volant prisonniers vivants
recommence limites nombreuses chansons ideal convaincu correctement hais bouton affreux peche ballon potes passion
disiez tirez piano tasse jean entierement soins pouviez notres lutte separer personnellement descends prenne donnera
censee precis coincidence domaine loup appellerai detective tapis devoirs collegue colle saches robin respecte sauce
professionnel voyait briser japon moque decouvre attitude livrer equipage gloire alerte suffisant restent blancs
jeunesse auparavant consequences interroger connaissent terminer soudain betises monstres troupes miroir accompagne
organisation visiter monnaie extraordinaire remplir parking sacs creature ceinture montez trahi respire printemps
organiser roule criminels refuser appetit chiffres valise miel participer bloc milliards whisky tetes injuste
blesses parlerai maitresse restee poissons forcer chouette alliez finira douee jenny egal celibataire changera clan
bibliotheque policiers nation engager aides dames pattes forts ajouter pizza extremement semblez maximum guerir
voisin ivre expert copie noirs sommet poussiere partage parfum audience stade libere souffrance adultes accusation
actes croyait sortira vivait signes prouve identifier diriger verres juger conseiller soudainement expression tribu
fievre collier canape chaude invitee critique meurent sable idiots chasser etres bagages vend secteur surveille
gouverneur ravie rentres lady supporte associe chambres detail brillant procedure echec viendrai assistant tape gang
legende assassine faisaient dispute essaies partons hauteur copains figure adaptation abruti mystere froide effets
decisions jouez feter sortes moto previens singe superieur tension fantomes annuler sales formation possibilite
couleurs respecter elever saurais finale jaune conduis disque dette medical clinique cigarette port arrivait placard
rayon television allaient iras patiente menteur etudiant evenement classique pensee empereur seance causer malades
personnalite americaine cage voudra nationale lumieres publique rouges conduite soutenir decu raisonnable
imagination arretes eteint serpent loyer repose education merveilleuse boit rentrez fierte plaque malheureux
machines offerts convient preferee surs enerve taule alarme deposer suivante sortis sensible epaule organise absurde
soeurs souffert donnee jugement huile pointe essai bijoux territoire principale saint reveillee autorisation
sandwich nerveuse mignonne gouter moral sauvage rang ferons ailes marchera matiere recois tours noble alliance
cherchent revenez actrice condamne employe eloigner lord methode casier rencard jouait courrier cris profil
regardant quant emprunter bouffe personnelle boule traitre tenait arrange cochon avoue repartir ignorer chirurgie
actuellement sein cuisiner sincere obligee poule essayait devras eternite bleue deplacer renvoyer flotte caractere
foot paire tuerai oeufs solide lignes rumeur populaire deviennent trouverez commissaire amen trone moche analyse
semblerait charlotte enchantee disparition interets nana finis adjoint exercice rattraper ordonne cingle prenait
etudie cherchait rejoint repris deces autorise pierres sortent retire reconnaissant donnent examiner fiance
attendrai pourrons allemand irais taux invitation capitale bonbons progres enferme enregistrement merites black gere
furieux neveu autorite vampire strategie robot passez assise medicament tunnel rats temple large vieilles enterre
descend comedie exprimer mechants enqueter gache separes effrayant liens coucou travaillent correspond devrez
instinct recupere echelle manges biens egoiste joueurs durer apprends camarade remise rever assistante libres enfui
panne crever bombes nager correct taper comite restait evenements travaux commissariat semblent tentative continues
officiers tuera envoyez joseph ressenti conclu termes illegal premieres culture rompre voyager revenus section
signature business portefeuille devenus rembourser suffisamment degats trafic bagarre renforts promotion poil
emporter transformer temoignage adorer assister innocents habitants perdus plateau accueillir aimerai chanceux
reflechis bains espion trouvait ames poudre album camarades commander voleurs couler golf stress musee genant
regardais empire ameliorer activite chats ouverture electrique inquietes scenario aine indice honnetement kilos cave
senateur cirque betes puisses chaos total interne efficace pommes baise mettent cabine langage plaindre auteur
pouvaient miens ecart temoigner laissera boston connue places medias produire soirs charger reveler grandir diplome
citoyens survie influence prier annule marques videos voudras revienne interview envoyee geant electricite trahison
humour dessin garce beurre ressentir mourra declare accueil rage equipes fermee roman batard serment bizarres remede
defi eteindre football charme balance mobile apprecier oxygene fauteuil manieres embrasse rencontree esclave gamine
race grosses malentendu apparence pure rond pensiez frigo jalouse suggere urgences guide cesar fetes loyaute
instructions fache patience paraitre generation ecraser bail jolies vingt elements plats plaire deviez diras minable
metro ennuyeux fouiller temperature prises chefs escalier valait pisser fidele processus soucie foutue chers durs
reception sexuelle fichu permettez gagnant operations commandes cercle boss foie vague vends angle feux violent
detendre soyons entendue blagues journalistes autorites terroristes russes changent pervers trouveras etude
excellente prefererais resister option leger sain preferes entrepot unites aurions reunis phrase examens imagines
christ complexe livraison dragon commencons charmante pourri commerce collection donna recoit royale courte pile
tireur capacite vaincre reveil dangereuse rigole priorite navre production officiellement habiller militaires jeudi
travaillais rock poubelle operer immense bottes suspects croix therapie gants agression cigarettes besoins vampires
culpabilite cruel evidence terroriste voies regretter enterrer sexuel cellules issue effacer totale fenetres
heritage savaient villes depasse vraies cassette trompes coach tendre responsabilites fonction mardi censes
ressemblait brave scandale bleus meres chic officiel enormement renoncer commencent desire sachant telles sauvee
disponible ministere gentils nucleaire esclaves douloureux decouverte tournage portrait nerfs pardonne promener
parent informer epaules drogues indique degres alibi genereux pensons resolu excitant tare tendance groupes doutes
trouvais impressionnant fermez timide gratuit trous enregistre communication regime rappelez amant numeros nuages
creatures anges seules fume oublierai barbe sacrifice manager competences retournez pourront importantes phase volee
contient importants negocier matinee ecrivain craindre traine lampe voudrez oscar venons intentions desastre
confirme passant intelligence commercial discute repondez arretera commandement dettes accomplir simples immunite
stylo interrompre pari micro complice plastique allemands cimetiere confirmer visages solitaire dose identifie cable
vive couru mechante regardent etranges construction rejoins tuyau bourse acteurs luxe facons plais creuser puissante
debrouiller devaient otage risquer cons particulierement couvre viol cachee tarte
`
  .split(/\s+/)
  .filter((word) => word !== '')
