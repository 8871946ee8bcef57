## Documentos PDF de un tratamiento.

doc-page = Página { $page } de { $pages }
doc-confidential = Confidencial: este documento contiene información de salud. No contiene notas de proceso de psicoterapia.
doc-goals = Objetivos y su resultado
doc-outcomes = Puntuaciones: primera y última
doc-scores = Puntuaciones a lo largo del tiempo
doc-risk = Historial de riesgo
doc-no-scores = No se registraron puntuaciones en este tratamiento.
doc-chart-alt =
    { $count ->
        [one] Gráfico de líneas de las puntuaciones de { $measure }: una puntuación, { $last }, el { $last_on }.
       *[other] Gráfico de líneas de las puntuaciones de { $measure }: { $count } puntuaciones del { $first_on } al { $last_on }, de { $first } a { $last } (mínima { $lowest }, máxima { $highest }).
    }
doc-chart-alt-cutoff = Una línea discontinua marca el umbral de caso ({ $cutoff }).
doc-no-goals = No se registraron objetivos.
doc-col-measure = Medida
doc-col-first = Primera (fecha)
doc-col-last = Última (fecha)
doc-col-change = Cambio
doc-col-reliable = Cambio fiable
doc-col-recovery = Recuperación
doc-col-goal = Objetivo
doc-col-goal-status = Estado
doc-col-ratings = Valoración (0-10)
doc-col-date = Fecha
doc-col-score = Puntuación
doc-col-band = Gravedad
doc-rating-change = { $first } al principio, { $last } al final
doc-rating-one = { $rating }, valorado una vez
doc-rating-none = sin valorar
doc-nhs-status = Estado NHS Talking Therapies
doc-nhs-recovery = Recuperación
doc-nhs-reliable-improvement = Mejoría fiable
doc-nhs-reliable-recovery = Recuperación fiable
doc-nhs-reliable-deterioration = Empeoramiento fiable
doc-risk-count =
    { $count ->
        [0] No se abrió ninguna alerta de riesgo durante el tratamiento.
        [one] Se abrió una alerta de riesgo durante el tratamiento; { $open } sigue abierta.
       *[other] Se abrieron { $count } alertas de riesgo durante el tratamiento; { $open } siguen abiertas.
    }
doc-risk-line = { $date }: { $source }; { $status }
doc-risk-from-measure = por una respuesta de { $measure }
doc-risk-from-clinician = abierta por un clínico
doc-progress-heading = Informe de evolución
doc-letter-title = Carta sobre el tratamiento
doc-letter-re = Asunto: { $name }
doc-letter-re-born = Asunto: { $name }, nacido/a el { $date }
doc-letter-dear = Estimado/a { $name }:
doc-letter-intro = Le escribo en relación con { $name }, que comenzó psicoterapia interpersonal (TIP) conmigo el { $start } y ha asistido a { $attended } de { $planned } sesiones previstas.
doc-letter-scores = Puntuaciones actuales
doc-letter-risk = Riesgo
doc-letter-risk-open =
    { $count ->
        [one] Hay una alerta de riesgo abierta, del { $date } ({ $status }).
       *[other] Hay { $count } alertas de riesgo abiertas; la última es del { $date } ({ $status }).
    }
doc-letter-risk-none =
    { $count ->
        [0] No se ha abierto ninguna alerta de riesgo durante el tratamiento.
       *[other] No hay ninguna alerta de riesgo abierta; { $count } abiertas durante el tratamiento se han cerrado.
    }
doc-letter-recommendations = Recomendaciones
doc-letter-closing = Atentamente,
doc-letter-error-recipient = Escriba el nombre de la persona a quien va dirigida la carta.
doc-letter-error-too-long = Es demasiado largo.
doc-letter-error-language = Elija uno de los idiomas de la lista.

## Páginas del personal.
doc-download-summary = Descargar resumen (PDF)
doc-write-letter = Escribir una carta
doc-download-progress = Informe de evolución (PDF)
doc-documents = Documentos
doc-letter-form-title = Carta al médico de cabecera o prescriptor
doc-letter-form-intro = La carta se genera como PDF para que la descargue, la revise y la envíe. Muestra las puntuaciones actuales y el estado de riesgo del expediente; nunca incluye notas de proceso. No se guarda nada de lo que escriba aquí.
doc-letter-recipient-name = Nombre del destinatario
doc-letter-recipient-name-hint = Por ejemplo Dra. A. Patel
doc-letter-recipient-address = Dirección del destinatario
doc-letter-summary = Resumen breve
doc-letter-summary-hint = En qué se centró el tratamiento y cómo fue.
doc-letter-recommendations-field = Recomendaciones
doc-letter-language = Idioma de la carta
doc-letter-language-hint = Se elige el idioma preferido del cliente cuando el expediente lo indica.
doc-letter-download = Descargar la carta (PDF)
