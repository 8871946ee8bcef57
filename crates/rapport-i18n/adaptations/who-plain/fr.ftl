# Noms en langage simple du manuel de TIP de groupe de l’OMS.

adaptation-title = TIP de groupe de l’OMS : noms en langage simple
area-grief = Deuil
area-role-dispute = Désaccords
area-role-transition = Changements de vie
area-interpersonal-deficits = Solitude et isolement social
phase-initial = Début
phase-middle = Milieu
phase-termination = Fin
