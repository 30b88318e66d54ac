//! The packet inspector panel: header fields of the selected segment, its flags as pills, the
//! payload as text, the raw bytes, and the Download pcap button.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, tf, Msg};

use super::fields::{field_sections, payload_title, Section, SMOLTCP_NOTE};
use crate::sim::net::{dissect, hex_dump};

/// The hex pane stops after this many bytes (a loopback segment can carry 64 KiB).
const HEX_LIMIT: usize = 4096;

/// TCP's flag bits from the most significant down, as Wireshark lists them.
const TCP_FLAGS: [&str; 8] = ["CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"];

/// Props of [`PacketInspector`].
#[derive(Properties, PartialEq)]
pub struct PacketInspectorProps {
    /// The raw IP packet of the selected segment, if one is selected.
    pub packet: Option<Rc<Vec<u8>>>,
    /// Its index in the capture (the pcap's frame number minus one).
    pub index: Option<usize>,
    /// When it crossed `lo`, in simulated milliseconds.
    pub t_ms: u64,
    /// Download pcap pressed (the App builds the file).
    pub ondownload: Callback<()>,
}

fn section_html(section: &Section) -> Html {
    let rows = section.fields.iter().map(|f| {
        let class = match f.valid {
            Some(true) => Some("is-valid"),
            Some(false) => Some("is-invalid"),
            None => None,
        };
        html! {
            <div class="field" data-field={f.name}>
                <dt>{ f.name }</dt>
                <dd class={classes!(class)}>{ &f.value }</dd>
            </div>
        }
    });
    html! {
        <details class="inspector-section" open=true>
            <summary>{ &section.title }</summary>
            <dl>{ for rows }</dl>
        </details>
    }
}

fn flag_pills(set: &[&'static str]) -> Html {
    let pills = TCP_FLAGS.iter().map(|&flag| {
        let on = set.contains(&flag);
        let state = if on { t(Msg::InspectorFlagSet) } else { t(Msg::InspectorFlagUnset) };
        html! {
            <li class={classes!("flag-pill", on.then_some("is-set"))} title={format!("{flag} {state}")}
                aria-label={format!("{flag} {state}")}>{ flag }</li>
        }
    });
    html! { <ul class="flag-pills" aria-label={t(Msg::InspectorFlags)}>{ for pills }</ul> }
}

/// The payload as text, each line ending shown as the bytes it is (`\r\n` or `\n`).
fn payload_html(payload: &[u8]) -> Html {
    let text = String::from_utf8_lossy(payload);
    let mut lines = text.split('\n').peekable();
    let mut out = Vec::new();
    while let Some(line) = lines.next() {
        let last = lines.peek().is_none();
        let (body, end) = match line.strip_suffix('\r') {
            Some(body) if !last => (body, "\\r\\n"),
            _ if !last => (line, "\\n"),
            _ => (line, ""),
        };
        out.push(html! { <>{ body.to_string() }<span class="line-end">{ end }</span>{ if last { "" } else { "\n" } }</> });
    }
    html! {
        <section class="inspector-payload">
            <h3>{ format!("{} ({} bytes)", payload_title(payload), payload.len()) }</h3>
            <pre class="payload" tabindex="0" aria-label={t(Msg::InspectorPayload)}>{ for out }</pre>
        </section>
    }
}

fn bytes_html(bytes: &[u8]) -> Html {
    let shown = bytes.get(..HEX_LIMIT).unwrap_or(bytes);
    let rest = bytes.len().saturating_sub(shown.len());
    html! {
        <section class="inspector-bytes">
            <h3>{ tf(Msg::InspectorBytes, &[("count", &bytes.len())]) }</h3>
            <pre class="hex-dump" tabindex="0" aria-label={t(Msg::InspectorHex)}>{ hex_dump(shown) }
                if rest > 0 { { format!("… {rest} more bytes") } }
            </pre>
        </section>
    }
}

/// Everything known about one captured packet, or a hint to pick one.
#[component]
pub fn PacketInspector(props: &PacketInspectorProps) -> Html {
    let ondownload = props.ondownload.reform(|_: MouseEvent| ());
    let where_when = props
        .index
        .map(|i| format!("Frame {} · {} ms · lo", i.saturating_add(1), props.t_ms));
    let body = match props.packet.as_deref() {
        None => {
            html! { <p class="inspector-empty">{ t(Msg::InspectorEmpty) }</p> }
        }
        Some(bytes) => match dissect(bytes) {
            None => html! {
                <>
                    <p class="inspector-empty">{ tf(Msg::InspectorNotIp, &[("count", &bytes.len())]) }</p>
                    { bytes_html(bytes) }
                </>
            },
            Some(p) => html! {
                <>
                    if let Some(tcp) = &p.tcp { { flag_pills(&tcp.flags) } }
                    { for field_sections(&p).iter().map(section_html) }
                    if !p.payload.is_empty() { { payload_html(&p.payload) } }
                    { bytes_html(bytes) }
                    <p class="inspector-note">{ SMOLTCP_NOTE }</p>
                </>
            },
        },
    };
    html! {
        <section class="packet-inspector" data-testid="packet-inspector" aria-label={t(Msg::InspectorTitle)}>
            <header class="inspector-header">
                <h2>{ t(Msg::InspectorTitle) }</h2>
                if let Some(text) = where_when { <span class="inspector-frame">{ text }</span> }
                <button type="button" class="download-pcap" data-testid="download-pcap" onclick={ondownload}>
                    { t(Msg::InspectorPcap) }
                </button>
            </header>
            { body }
        </section>
    }
}
