## Dates et nombres (crates/rapport-i18n).

date-short = { $day } { $month } { $year }
date-long = { $weekday } { $day } { $month } { $year }
date-time = { $date }, { $time }
number-decimal-mark = ,
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche

## Domaines problématiques et phases de la TIP (Tr::term).

area-grief = Deuil
area-role-dispute = Conflit de rôle
area-role-transition = Transition de rôle
area-interpersonal-deficits = Déficits interpersonnels
area-other = Autre
phase-initial = Phase initiale
phase-middle = Phase intermédiaire
phase-termination = Phase de terminaison
phase-maintenance = Maintien

# Mots de static/app.js (sur <body data-t-…>).
js-copied = Copié
js-copied-announce = Copié dans le presse-papiers
js-copy-manual = Appuyez sur Ctrl+C pour copier
js-copy-manual-announce = Copie automatique impossible. Le texte est sélectionné : appuyez sur Contrôle C pour le copier.
js-not-sent = Non envoyé : vérifiez la connexion. Ce que vous avez saisi est conservé sur cet appareil ; appuyez de nouveau sur Enregistrer une fois la connexion revenue.
js-not-sent-announce = Non envoyé. Vérifiez la connexion.
list-and = { $first } et { $last }
