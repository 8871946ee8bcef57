## Exportación seudonimizada para investigación.

research-title = Exportación para investigación
research-intro = Un conjunto de datos seudonimizado para investigación aprobada, en archivos CSV dentro de un ZIP con un diccionario de datos.
research-holds = Qué contiene
research-holds-tables = Personas, tratamientos, sesiones, puntuaciones de cuestionarios y alertas de riesgo, un archivo CSV cada uno, con un resumen y un diccionario de todas las columnas.
research-holds-ids = Cada identificador se sustituye por un seudónimo que solo este centro puede vincular con sus expedientes. La misma persona tiene el mismo seudónimo en todas las exportaciones.
research-holds-dates = Las fechas de cada persona se desplazan con un desfase secreto propio (hasta seis meses); los días desde el inicio del tratamiento se dan tal cual. Las edades van en tramos de cinco años.
research-holds-left-out = Se excluyen nombres, datos de contacto, fechas de nacimiento, notas y cualquier otro texto libre.
research-holds-small = En el resumen se ocultan los recuentos menores de { $min }.
research-record = Registrar la exportación
research-purpose = Finalidad
research-purpose-hint = La pregunta de investigación o el uso al que se destinan los datos.
research-approval = Referencia de la aprobación
research-approval-hint = Por ejemplo la referencia del comité de ética o del acuerdo de cesión de datos.
research-audited = Su nombre, la hora, la finalidad y la aprobación quedan registrados en el registro de auditoría junto con lo que contenía la exportación.
research-download = Descargar el conjunto de datos (ZIP)
research-who = Solo un administrador o un responsable de programa puede hacer una exportación para investigación.
research-error-purpose = Indique la finalidad de la exportación.
research-error-approval = Indique la aprobación en la que se basa la exportación.
research-error-too-long = Es demasiado largo.
research-no-key = La exportación para investigación necesita la clave de secretos del servidor (secrets.key en el directorio de datos, o --secrets-key-file): consulte a quien administra el servidor.
