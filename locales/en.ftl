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
