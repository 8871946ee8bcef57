## Adaptación cultural (templates/admin_adaptations.html, rapport-app adaptations.rs).

adaptation-page-title = Adaptaciones
adaptation-subtitle = Los términos que un programa o una sede usa para la TIP, en cada idioma
adaptation-intro = Una adaptación reemplaza algunos términos de Rapport por los que usa un programa: nombres locales de las áreas problema y de las fases, términos clave, el texto de psicoeducación, los recursos de crisis y los ejemplos de las hojas de trabajo. Cada persona ve la adaptación de su sede o, si no tiene, la de la organización. Lo que registran las personas terapeutas no cambia.
adaptation-choices-title = Qué adaptación se usa
adaptation-choices-hint = Una sede sin elección propia usa la de la organización.
adaptation-organisation = Toda la organización
adaptation-none = Ninguna: los términos propios de Rapport
adaptation-site-default = La elección de la organización
adaptation-sites-title = Sedes
adaptation-no-sites = Aún no hay sedes: la elección de la organización vale para todas las personas.
adaptation-save = Guardar
adaptation-shipped = incluida con Rapport
adaptation-col-message = Mensaje
adaptation-col-words = Esta adaptación dice
adaptation-col-instead = En lugar de
adaptation-add-hint = Para añadir una adaptación, ponga un archivo por idioma en la carpeta adaptations/NOMBRE/ de la carpeta de datos (por ejemplo adaptations/kampala/es.ftl) y reinicie Rapport; vea docs/i18n.md.
adaptation-unknown = No existe ninguna adaptación llamada «{ $name }». Elija una de la lista.
adaptation-unknown-scope = Elija la organización o una de sus sedes.
adaptation-crisis-instead = Las líneas de crisis de Administración > Configuración
