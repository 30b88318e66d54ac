# podscope's interface text in English (the source language). Format: `key = value`, `#`
# comments, indented lines continue the value, `{name}` placeholders. Every key here must be in
# every other catalogue with the same placeholders (the test i18n::tests checks it). Terminal
# output is never here: bash, curl, nginx and kubectl print English.

header.subtitle = Inside a Kubernetes pod: how two containers talk
header.large-text = Large text
theme.system = Theme: system
theme.light = Theme: light
theme.dark = Theme: dark

controls.toolbar = Playback
controls.reset = Reset (Home)
controls.step-back = Step back (←)
controls.play = Play (Space)
controls.pause = Pause (Space)
controls.step-forward = Step forward (→)
controls.speed = Speed
controls.speed-select = Playback speed
controls.timeline = timeline
controls.step-of = step {position} of {len}
controls.presenter = Presenter mode (F)
controls.presenter-title = Presenter mode (F): large type, the diagram, the caption and one terminal
controls.presenter-leave = Leave presenter mode (F)
controls.help = Keyboard: Space = play/pause, ← → = step, Home/End = first/last, R = reset, ? = all shortcuts

shortcut.play = Play / pause
shortcut.step = Step back / forward
shortcut.ends = First / last step
shortcut.reset = Reset the playback
shortcut.tour = Next step of the guided tour
shortcut.presenter = Presenter mode on / off
shortcut.help = Show these shortcuts
shortcut.keys-space = Space
shortcut.keys-ends = Home / End
shortcuts.title = Keyboard shortcuts
shortcuts.note = They work anywhere on the page, except while you type in a terminal or the editor.
common.close = Close

handout.no-tour = No guided tour for '{scenario}': try ?print=shared-volume, ?print=localhost or ?print=docs-original.
handout.step-of = Step {step} of {total}
handout.predict = Predict first: {question}
handout.more-lines = … {count} more lines
handout.intro = podscope handout: one Kubernetes pod, simulated. Each step shows the command typed, what it printed, and the pod afterwards.
handout.print = Print

whatif.try = Starts a fresh {scenario} pod and tries it
whatif.label = What if…
whatif.note = What if: {title}
whatif.hide = Hide the explanation

tour.start-title = Starts this scenario's pod afresh and walks through it, one command per step
tour.unavailable = Tours exist for the built-in scenarios
tour.start = ▶ Guided tour
tour.region = Guided tour: {title}
tour.handout-title = Every step's diagram, caption and command, to print (A4 or Letter)
tour.handout = Handout
tour.back = ◀ Back
tour.finish = Finish ✓
tour.skip-title = Skip the question: run the command and see
tour.skip = Skip ▶
tour.next = Next ▶
tour.take-over-title = Leave the tour and type your own commands; the pod stays as it is
tour.take-over = Take over

question.your-answer = Your answer
question.answer = Answer
question.predict-label = Predict
question.predict = Predict:
question.skipped = The real output says: {answer}.
question.right = Right: {answer}.
question.wrong = Not quite: the real output says {answer}.

# Captions: one sentence per event of the trace (src/anim/caption.rs).
caption.kubelet = the kubelet
caption.inside = {" "}in {container}
caption.pod-created = kubectl asked the API server for pod "{name}"; the scheduler places it on the node, which gives it IP {ip}.
caption.pod-phase = The pod is now {phase}: {ready}/{total} containers ready.
caption.pod-phase-status = The pod is now {phase}, with {ready}/{total} containers ready: kubectl get pods says {status}.
caption.pod-deleted = Pod "{name}" is deleted: its containers stop and its emptyDir volumes are erased.
caption.image-pulled = The kubelet pulled image "{image}" for {container}.
caption.image-pull-failed = The kubelet could not pull "{image}" for {container}: the container stays waiting (ErrImagePull).
caption.running = {container} is Running.
caption.waiting = {container} is Waiting: {reason}.
caption.terminated = {container} is Terminated: {reason}, exit code {code}.
caption.volume-created = An empty directory "{volume}" is created for the pod: it lives exactly as long as the pod.
caption.read-only = {" "}(read-only)
caption.volume-mounted = "{volume}" is mounted at {path} in {container}{readonly}; whatever the image had there is hidden.
caption.typed = You typed `{line}` in {container}.
caption.process-started = Process {pid} starts{inside}: {argv}.
caption.process-exited = Process {pid}{inside} exits with status {status}.
caption.package-installed = {package} is installed in {container} only: each container has its own root filesystem.
caption.path-in = {path} in {container}
caption.and = {" "}and{" "}
caption.shared-write = {who}{inside} writes {path} (inode {inode}). It is the same file as {others}: one volume, two mount paths.
caption.private-write = {who}{inside} writes {path} (inode {inode}); no other container can see it: it is not on a shared volume.
caption.file-read = {who}{inside} reads {path}.
caption.dir-created = {who}{inside} creates directory {path}.
caption.file-removed = {who}{inside} removes {path}.
caption.write-failed = {who}{inside} cannot write {path}: {error}.
caption.listen = {program} in {container} listens on {addr} port {port}, in the pod's one network namespace: every container can reach it.
caption.bind-failed = {who}{inside} cannot bind {addr}:{port}: {error}. The containers share one network namespace, so one port is one port.
caption.connect = {program} in {container} connects from port {sport} to {addr}:{port}. 127.0.0.1 here is the loopback device nginx listens on: both containers share it.
caption.segment = {src} → {dst}: [{flags}] seq={seq} ack={ack} len={len} over lo.
caption.tcp-state = Connection {local} ↔ {remote}: {from} → {to}.
caption.accepted = {who}{inside} accepts the connection from {remote} on {local}.
caption.refused = Nothing listens on {addr} port {port}, so the kernel answers the SYN with a RST: connection refused.
caption.http-request = {who}{inside} receives {method} {target} {version}.
caption.http-response = {who}{inside} answers {status} {reason} with {bytes} bytes of body.
caption.access-log = nginx logs the request to its stdout (kubectl logs): {line}
