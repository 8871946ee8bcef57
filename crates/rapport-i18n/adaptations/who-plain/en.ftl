# The plain-language names of the WHO group IPT manual (Group Interpersonal
# Therapy (IPT) for Depression, WHO 2016), for programmes run by lay
# facilitators. Every id here replaces the interface's own message.

adaptation-title = WHO group IPT: plain-language names
area-grief = Grief
area-role-dispute = Disagreements
area-role-transition = Life changes
area-interpersonal-deficits = Loneliness and social isolation
phase-initial = Beginning
phase-middle = Middle
phase-termination = Ending
