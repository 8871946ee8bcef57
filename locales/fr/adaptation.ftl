## Adaptation culturelle (templates/admin_adaptations.html, rapport-app adaptations.rs).

adaptation-page-title = Adaptations
adaptation-subtitle = Les termes qu’un programme ou un site emploie pour la TIP, dans chaque langue
adaptation-intro = Une adaptation remplace certains termes de Rapport par ceux qu’emploie un programme : noms locaux des domaines problématiques et des phases, termes clés, texte de psychoéducation, ressources de crise et exemples des fiches d’exercice. Chaque personne voit l’adaptation de son site, ou à défaut celle de l’organisation. Ce que les thérapeutes enregistrent ne change pas.
adaptation-choices-title = Adaptation utilisée
adaptation-choices-hint = Un site sans choix propre utilise celui de l’organisation.
adaptation-organisation = Toute l’organisation
adaptation-none = Aucune : les termes de Rapport
adaptation-site-default = Le choix de l’organisation
adaptation-sites-title = Sites
adaptation-no-sites = Aucun site pour l’instant : le choix de l’organisation s’applique à tout le monde.
adaptation-save = Enregistrer
adaptation-shipped = fournie avec Rapport
adaptation-col-message = Message
adaptation-col-words = Cette adaptation dit
adaptation-col-instead = Au lieu de
adaptation-add-hint = Pour ajouter une adaptation, placez un fichier par langue dans le dossier adaptations/NOM/ du dossier de données (par exemple adaptations/kampala/fr.ftl) et redémarrez Rapport ; voir docs/i18n.md.
adaptation-unknown = Aucune adaptation ne s’appelle « { $name } ». Choisissez-en une dans la liste.
adaptation-unknown-scope = Choisissez l’organisation ou l’un de ses sites.
adaptation-crisis-instead = Les lignes de crise d’Administration > Paramètres
