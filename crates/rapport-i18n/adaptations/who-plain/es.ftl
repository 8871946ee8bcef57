# Nombres en lenguaje sencillo del manual de TIP grupal de la OMS.

adaptation-title = TIP grupal de la OMS: nombres en lenguaje sencillo
area-grief = Duelo
area-role-dispute = Desacuerdos
area-role-transition = Cambios en la vida
area-interpersonal-deficits = Soledad y aislamiento social
phase-initial = Inicio
phase-middle = Mitad
phase-termination = Cierre
