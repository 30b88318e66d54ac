# La interfaz de podscope en español. Formato: `clave = valor`, comentarios con `#`, las líneas
# sangradas continúan el valor, marcadores `{nombre}` (iguales que en en.ftl). La salida de los
# terminales nunca está aquí: bash, curl, nginx y kubectl imprimen en inglés.

header.subtitle = Dentro de un pod de Kubernetes: cómo hablan dos contenedores
header.large-text = Texto grande
theme.system = Tema: del sistema
theme.light = Tema: claro
theme.dark = Tema: oscuro

controls.toolbar = Reproducción
controls.reset = Reiniciar (Inicio)
controls.step-back = Paso atrás (←)
controls.play = Reproducir (Espacio)
controls.pause = Pausa (Espacio)
controls.step-forward = Paso adelante (→)
controls.speed = Velocidad
controls.speed-select = Velocidad de reproducción
controls.timeline = línea de tiempo
controls.step-of = paso {position} de {len}
controls.presenter = Modo presentación (F)
controls.presenter-title = Modo presentación (F): letra grande, el diagrama, el subtítulo y un terminal
controls.presenter-leave = Salir del modo presentación (F)
controls.help = Teclado: Espacio = reproducir/pausa, ← → = paso, Inicio/Fin = primero/último, R = reiniciar, ? = todos los atajos

shortcut.play = Reproducir / pausa
shortcut.step = Paso atrás / adelante
shortcut.ends = Primer / último paso
shortcut.reset = Reiniciar la reproducción
shortcut.tour = Siguiente paso de la visita guiada
shortcut.presenter = Modo presentación sí / no
shortcut.help = Mostrar estos atajos
shortcut.keys-space = Espacio
shortcut.keys-ends = Inicio / Fin
shortcuts.title = Atajos de teclado
shortcuts.note = Funcionan en toda la página, salvo mientras escribes en un terminal o en el editor.
common.close = Cerrar

handout.no-tour = No hay visita guiada para '{scenario}': prueba ?print=shared-volume, ?print=localhost o ?print=docs-original.
handout.step-of = Paso {step} de {total}
handout.predict = Predice primero: {question}
handout.more-lines = … {count} líneas más
handout.intro = Hoja de podscope: un pod de Kubernetes, simulado. Cada paso muestra la orden escrita, lo que imprimió y el pod después.
handout.print = Imprimir

whatif.try = Inicia un pod {scenario} nuevo y lo prueba
whatif.label = ¿Y si…?
whatif.note = ¿Y si…? {title}
whatif.hide = Ocultar la explicación

tour.start-title = Inicia de nuevo el pod de este escenario y lo recorre, una orden por paso
tour.unavailable = Hay visitas guiadas para los escenarios incluidos
tour.start = ▶ Visita guiada
tour.region = Visita guiada: {title}
tour.handout-title = El diagrama, el subtítulo y la orden de cada paso, para imprimir (A4 o Carta)
tour.handout = Hoja
tour.back = ◀ Atrás
tour.finish = Terminar ✓
tour.skip-title = Saltar la pregunta: ejecutar la orden y ver
tour.skip = Saltar ▶
tour.next = Siguiente ▶
tour.take-over-title = Deja la visita y escribe tus propias órdenes; el pod se queda como está
tour.take-over = Tomar el control

question.your-answer = Tu respuesta
question.answer = Responder
question.predict-label = Predice
question.predict = Predice:
question.skipped = La salida real dice: {answer}.
question.right = Correcto: {answer}.
question.wrong = No exactamente: la salida real dice {answer}.

# Visitas guiadas, preguntas y experimentos «¿y si…?» (el inglés está en src/anim/tour.rs).
data.tour.shared-volume.title = Volumen compartido: un archivo, dos rutas
data.tour.shared-volume.1 = Este pod tiene dos contenedores, nginx y debian, y un volumen emptyDir, shared-data, montado en ambos.
data.tour.shared-volume.2 = Los dos contenedores están en marcha: READY 2/2.
data.tour.shared-volume.3 = En debian el volumen está montado en /pod-data. Empieza vacío.
data.tour.shared-volume.4 = En nginx el mismo volumen está montado en /usr/share/nginx/html y oculta la página de bienvenida de la propia imagen.
data.tour.shared-volume.5 = La imagen de debian no trae curl. apt-get update descarga las listas de paquetes…
data.tour.shared-volume.6 = …y curl queda instalado, solo en el contenedor debian.
data.tour.shared-volume.7 = nginx responde 403 Forbidden: su raíz de documentos es el volumen vacío y no hay ningún index.html que servir.
data.question.shared-volume.7.prompt = El volumen sigue vacío. ¿Qué imprimirá ahora curl localhost?
data.question.shared-volume.7.explanation = El volumen montado en /usr/share/nginx/html oculta la página de bienvenida de la imagen. Sin index.html en el volumen vacío, nginx se niega a listar el directorio: 403 Forbidden.
data.question.shared-volume.7.choice-1 = La página «Welcome to nginx!» de nginx
data.question.shared-volume.7.choice-2 = 403 Forbidden
data.question.shared-volume.7.choice-3 = Conexión rechazada
data.tour.shared-volume.8 = debian escribe index.html en el volumen.
data.tour.shared-volume.9 = Fíjate en el número de inodo de /pod-data/index.html…
data.tour.shared-volume.10 = …es el mismo inodo en nginx: un archivo, dos rutas.
data.question.shared-volume.10.prompt = El ls -i de debian acaba de imprimir el número de inodo de index.html. ¿Qué número de inodo mostrará el ls -i de nginx para su index.html?
data.question.shared-volume.10.explanation = El mismo número: las dos rutas nombran un único inodo del emptyDir compartido. No se copió nada; los dos contenedores ven un solo archivo.
data.tour.shared-volume.11 = El contenedor de nginx lee exactamente lo que escribió debian.
data.tour.shared-volume.12 = Ahora nginx sirve el archivo que escribió debian: 200 OK.
data.tour.shared-volume.13 = nginx registró las dos peticiones en su stdout, que es lo que muestra kubectl logs.
data.tour.shared-volume.14 = Ese es el patrón del volumen compartido: los contenedores de un pod intercambian archivos a través de un volumen que ambos montan. Te toca: prueba tus propias órdenes.
data.tour.localhost.title = Localhost: un único espacio de nombres de red
data.tour.localhost.1 = Los mismos dos contenedores, sin ningún volumen. ¿Puede debian llegar aún a nginx?
data.tour.localhost.2 = No hay volumen compartido: /pod-data no existe.
data.tour.localhost.3 = Descarga las listas de paquetes…
data.tour.localhost.4 = …e instala curl e iproute2 en debian.
data.tour.localhost.5 = debian ve lo y eth0 con la IP del pod: el espacio de nombres de red pertenece al pod y lo mantiene el contenedor pause.
data.tour.localhost.6 = Desde debian vemos los sockets en escucha de nginx en el puerto 80: los dos contenedores comparten un único espacio de nombres de red.
data.tour.localhost.7 = localhost es 127.0.0.1, el dispositivo de loopback que comparten los dos contenedores. SYN, SYN-ACK y ACK viajan por lo, y después el GET y la página de bienvenida de nginx.
data.tour.localhost.8 = Con -v, curl muestra la conexión y el intercambio HTTP.
data.tour.localhost.9 = Nada escucha en el 8080: el núcleo responde al SYN con un RST y curl dice que no pudo conectar.
data.question.localhost.9.prompt = nginx solo escucha en el puerto 80. ¿Qué imprimirá curl localhost:8080?
data.question.localhost.9.explanation = Nada escucha en el 8080, así que el núcleo responde al SYN con un RST y curl sale con 7. No se habla HTTP en absoluto, así que no hay 404.
data.question.localhost.9.choice-1 = La página de bienvenida de nginx
data.question.localhost.9.choice-2 = 404 Not Found
data.question.localhost.9.choice-3 = Failed to connect … Couldn't connect to server
data.tour.localhost.10 = https significa puerto 443, donde tampoco escucha nada: rechazada. El `curl https://localhost` del blog solo funciona con un servidor TLS en el 443.
data.tour.localhost.11 = nginx registró cada petición que recibió desde 127.0.0.1.
data.tour.localhost.12 = Ese es el patrón localhost: los contenedores de un pod comparten un único espacio de nombres de red, así que hablan por 127.0.0.1. Te toca.
data.tour.docs-original.title = El pod de la documentación: por qué debian muestra Completed
data.tour.docs-original.1 = El manifiesto de la documentación de Kubernetes: debian escribe index.html una vez y su orden termina.
data.tour.docs-original.2 = READY 1/2 y NotReady: la orden de debian terminó y, con restartPolicy: Never, no se reinicia.
data.tour.docs-original.3 = describe muestra debian Terminated, motivo Completed, código de salida 0.
data.tour.docs-original.4 = Pero el archivo que escribió le sobrevive: el volumen pertenece al pod, no al contenedor.
data.tour.docs-original.5 = Comprobémoslo desde el lado de nginx: descarga las listas de paquetes en el contenedor nginx…
data.tour.docs-original.6 = …instala curl allí…
data.tour.docs-original.7 = …y nginx sirve el mensaje de debian.
data.tour.docs-original.8 = Un contenedor completado no es un error: su trabajo está hecho. El pod sigue NotReady porque uno de sus contenedores no está en marcha.
data.whatif.second-server.title = Segundo servidor en :80
data.whatif.second-server.explanation = El nginx propio de debian no puede enlazar el puerto 80: nginx-container ya escucha ahí y los dos contenedores comparten un único espacio de nombres de red (EADDRINUSE).
data.whatif.read-only.title = Montaje de solo lectura
data.whatif.read-only.explanation = Con readOnly: true en el volumeMount de debian, las escrituras fallan con 'Read-only file system'; el montaje del mismo volumen en nginx sigue siendo escribible.
data.whatif.restart-debian.title = Reiniciar debian
data.whatif.restart-debian.explanation = Un contenedor reiniciado recibe un sistema de archivos raíz nuevo de la imagen, pero el emptyDir pertenece al pod: el archivo sigue ahí.
data.whatif.recreate-pod.title = Volver a crear el pod
data.whatif.recreate-pod.explanation = Borrar el pod borra su emptyDir: el pod nuevo empieza con un volumen vacío (míralo pasar de ContainerCreating a Running mientras el kubelet descarga las imágenes).
data.whatif.no-volume.title = Sin volumen compartido
data.whatif.no-volume.explanation = Sin el volumen nada oculta el /usr/share/nginx/html de la imagen, así que nginx sirve su propia página 'Welcome to nginx!'.
data.whatif.https.title = curl https://localhost
data.whatif.https.explanation = https:// significa puerto 443, y ahí no escucha nada: el SYN recibe un RST y curl termina con código 7. La orden del blog necesita http:// a secas (puerto 80).
