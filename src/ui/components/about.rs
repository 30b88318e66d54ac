//! "About this simulation": a disclosure that says, in the app itself, where podscope
//! simplifies, so nobody takes a simplification for how Kubernetes or Linux behave.

use yew::prelude::*;

/// Where the simulation differs from a real pod, one sentence each.
pub const SIMPLIFICATIONS: &[&str] = &[
    "The TCP/IP stack is smoltcp, not Linux: the conversation is the same, but TCP options \
     (no timestamps), window sizes, initial sequence numbers and ephemeral ports differ; the \
     packet inspector lists every difference.",
    "The loopback capture has no link layer: frames are bare IP packets, 14 bytes shorter than \
     a tcpdump on a real lo.",
    "A pipeline runs one stage after another, not concurrently, and programs never run beside \
     the shell: output is the same, timing is not.",
    "Images contain only the files that matter to the lessons; apt-get installs from a \
     built-in catalogue, with no network.",
    "There is no real time: a simulated clock moves only when something happens, so runs \
     replay byte for byte (dates start at 26 Nov 2026 09:00 GMT).",
    "The shell is bash's language (functions, case, [[ ]], arithmetic, here-documents, \
     arrays) without job control, associative arrays, IFS or shell options; declare -f \
     does not print function bodies. Pasted text runs line by line as it arrives.",
    "One pod on one node: no scheduler, no Services, no real kubelet; kubectl knows the \
     commands the lessons use.",
];

/// The header's disclosure listing [`SIMPLIFICATIONS`].
#[component]
pub fn AboutSimulation() -> Html {
    html! {
        <details class="about" data-testid="about">
            <summary>{ "About this simulation" }</summary>
            <div class="about-body">
                <p>{ "podscope prints what real bash, curl, nginx and kubectl print, from a simulation. \
                      Where it simplifies:" }</p>
                <ul>{ for SIMPLIFICATIONS.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
            </div>
        </details>
    }
}
