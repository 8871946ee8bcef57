## The pseudonymised research export (docs/letters-and-research.md).

research-title = Research export
research-intro = A pseudonymised data set for approved research, as CSV files in a ZIP archive with a data dictionary.
research-holds = What the data set holds
research-holds-tables = People, courses, sessions, questionnaire scores and risk flags, one CSV file each, with a summary and a dictionary of every column.
research-holds-ids = Every id is replaced by a pseudonym that only this site can link back to its records. The same person has the same pseudonym in every export.
research-holds-dates = Each person's dates are moved by their own secret offset (up to six months); days since the start of a course are given as they are. Ages are in five-year bands.
research-holds-left-out = Names, contact details, dates of birth, notes and all other free text are left out.
research-holds-small = In the summary, counts under { $min } are hidden.
research-record = Record the export
research-purpose = Purpose
research-purpose-hint = The research question or use the data is for.
research-approval = Approval reference
research-approval-hint = For example the ethics committee's reference or the data-sharing agreement.
research-audited = Your name, the time, the purpose and the approval are recorded in the audit log with what the export held.
research-download = Download the data set (ZIP)
research-who = Only an administrator or a programme manager can make a research export.
research-error-purpose = Enter the purpose of the export.
research-error-approval = Enter the approval the export rests on.
research-error-too-long = This is too long.
research-no-key = The research export needs the server's secrets key (secrets.key in the data directory, or --secrets-key-file): ask the person who runs the server.
