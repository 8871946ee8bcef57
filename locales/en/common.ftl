## Dates and numbers (crates/rapport-i18n): the short and long forms of a day.

date-short = { $day } { $month } { $year }
date-long = { $weekday } { $day } { $month } { $year }
date-time = { $date }, { $time }
number-decimal-mark = .
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## IPT's problem areas and phases (Tr::term): English pages show each
## protocol's own words; these name them in other languages.

area-grief = Grief and loss
area-role-dispute = Role dispute
area-role-transition = Role transition
area-interpersonal-deficits = Interpersonal deficits
area-other = Other
phase-initial = Initial phase
phase-middle = Middle phase
phase-termination = Termination phase
phase-maintenance = Maintenance

# Words of static/app.js (on <body data-t-…>).
js-copied = Copied
js-copied-announce = Copied to clipboard
js-copy-manual = Press Ctrl+C to copy
js-copy-manual-announce = Could not copy automatically. The text is selected: press Control C to copy.
js-not-sent = Not sent - check the connection. What you typed is kept on this device; press Save again when you are back online.
js-not-sent-announce = Not sent. Check the connection.
list-and = { $first } and { $last }
