## Fechas y números (crates/rapport-i18n).

date-short = { $day } { $month } { $year }
date-long = { $weekday }, { $day } de { $month } de { $year }
date-time = { $date }, { $time }
number-decimal-mark = ,
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo

## Áreas problema y fases de la TIP (Tr::term).

area-grief = Duelo
area-role-dispute = Disputa de roles
area-role-transition = Transición de rol
area-interpersonal-deficits = Déficits interpersonales
area-other = Otra
phase-initial = Fase inicial
phase-middle = Fase intermedia
phase-termination = Fase final
phase-maintenance = Mantenimiento

# Palabras de static/app.js (en <body data-t-…>).
js-copied = Copiado
js-copied-announce = Copiado al portapapeles
js-copy-manual = Pulse Ctrl+C para copiar
js-copy-manual-announce = No se pudo copiar automáticamente. El texto está seleccionado: pulse Control C para copiarlo.
js-not-sent = No se envió: revise la conexión. Lo que escribió se conserva en este dispositivo; pulse Guardar de nuevo cuando vuelva a tener conexión.
js-not-sent-announce = No se envió. Revise la conexión.
list-and = { $first } y { $last }
