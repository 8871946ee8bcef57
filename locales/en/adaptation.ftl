## Cultural adaptation (templates/admin_adaptations.html, rapport-app adaptations.rs).

adaptation-page-title = Adaptations
adaptation-subtitle = The words a programme or site uses for IPT's terms, in each language
adaptation-intro = An adaptation replaces some of Rapport's words with the ones a programme uses: local names for the problem areas and phases, key terms, the psychoeducation text, the crisis resources and the examples on worksheets. People see the adaptation of their site, or else the organisation's. What clinicians record is not changed.
adaptation-choices-title = Which adaptation is used
adaptation-choices-hint = A site without its own choice uses the organisation's.
adaptation-organisation = The whole organisation
adaptation-none = None: Rapport's own words
adaptation-site-default = The organisation's choice
adaptation-sites-title = Sites
adaptation-no-sites = No sites yet: the organisation's choice applies to everyone.
adaptation-save = Save
adaptation-shipped = shipped with Rapport
adaptation-col-message = Message
adaptation-col-words = This adaptation says
adaptation-col-instead = Instead of
adaptation-add-hint = To add an adaptation, put one file per language in the data folder's adaptations/NAME/ folder (for example adaptations/kampala/en.ftl) and restart Rapport; see docs/i18n.md.
adaptation-unknown = There is no adaptation named “{ $name }”. Choose one from the list.
adaptation-unknown-scope = Choose the organisation or one of its sites.
adaptation-crisis-instead = The crisis lines under Administration > Settings
