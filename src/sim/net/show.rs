//! What `ip addr` and `ss` print for the namespace, formatted as iproute2 6.1 does.

use std::fmt::Write as _;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use super::namespace::NetNamespace;
use super::types::{Owner, TcpState};

/// `ss` usage text, printed (to stderr) after an invalid option, as recorded from iproute2 6.1.
const SS_USAGE: &str = include_str!("ss_usage.txt");

/// Which sockets and columns `ss` shows.
#[derive(Debug, Default, Clone, Copy)]
struct SsOptions {
    listening: bool,
    all: bool,
    numeric: bool,
    processes: bool,
    only_v4: bool,
    only_v6: bool,
}

fn parse_ss(args: &[String]) -> Result<SsOptions, char> {
    let mut o = SsOptions::default();
    for arg in args {
        let Some(letters) = arg.strip_prefix('-') else {
            continue;
        };
        for ch in letters.chars() {
            match ch {
                'l' => o.listening = true,
                'a' => o.all = true,
                'n' => o.numeric = true,
                'p' => o.processes = true,
                't' => {}
                '4' => o.only_v4 = true,
                '6' => o.only_v6 = true,
                other => return Err(other),
            }
        }
    }
    Ok(o)
}

/// How a column aligns its content, and what goes before it (iproute2's `struct column`).
#[derive(Clone, Copy)]
struct Column {
    right: bool,
    ldelim: &'static str,
}

const COLUMNS: [Column; 8] = [
    Column {
        right: false,
        ldelim: "",
    }, // State
    Column {
        right: false,
        ldelim: " ",
    }, // Recv-Q
    Column {
        right: false,
        ldelim: " ",
    }, // Send-Q
    Column {
        right: true,
        ldelim: " ",
    }, // Local Address:
    Column {
        right: false,
        ldelim: "",
    }, // Port
    Column {
        right: true,
        ldelim: " ",
    }, // Peer Address:
    Column {
        right: false,
        ldelim: "",
    }, // Port
    Column {
        right: false,
        ldelim: "",
    }, // Process
];

/// Renders rows as ss does when its output is not a terminal: each column as wide as its widest
/// cell (plus its delimiter), no extra spreading.
fn render(rows: &[[String; 8]]) -> String {
    let mut widths = [0usize; 8];
    let mut first = true;
    for (i, col) in COLUMNS.iter().enumerate() {
        let max = rows
            .iter()
            .filter_map(|r| r.get(i))
            .map(String::len)
            .max()
            .unwrap_or(0);
        let w = if !first && max > 0 {
            max.saturating_add(col.ldelim.len())
        } else {
            max
        };
        if let Some(slot) = widths.get_mut(i) {
            *slot = w;
        }
        if w > 0 {
            first = false;
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut started = false;
        for ((cell, col), width) in row.iter().zip(COLUMNS.iter()).zip(widths) {
            if width == 0 {
                continue;
            }
            let mut printed = 0;
            if started {
                out.push_str(col.ldelim);
                printed = col.ldelim.len();
            }
            started = true;
            let pad = width.saturating_sub(printed).saturating_sub(cell.len());
            if col.right {
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            } else {
                out.push_str(cell);
                out.push_str(&" ".repeat(pad));
            }
        }
        out.push('\n');
    }
    out
}

fn service(port: u16, numeric: bool) -> String {
    let name = match port {
        22 => "ssh",
        80 => "http",
        443 => "https",
        8080 => "http-alt",
        _ => "",
    };
    if numeric || name.is_empty() {
        port.to_string()
    } else {
        name.to_string()
    }
}

fn host(addr: IpAddr) -> String {
    match addr {
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
    }
}

/// The Process cell; ss writes it with a leading space.
fn users(owner: &Option<Owner>, fd: u32) -> String {
    match owner {
        Some(o) => format!(" users:((\"{}\",pid={},fd={}))", o.program, o.pid, fd),
        None => String::new(),
    }
}

impl NetNamespace {
    /// `ss` for TCP sockets: understands `-t -l -a -n -p -4 -6` in any combination (`-ltn`,
    /// `-tan`, `-ltnp`, ...). Returns the text and exit status. Output is laid out as ss does
    /// when stdout is not a terminal (compact columns).
    pub fn ss(&self, args: &[String]) -> (String, i32) {
        self.ss_seen_from(args, &|_| true)
    }

    /// `ss` run by a process that sees only the owners `visible` accepts: `-p` reads
    /// `/proc/PID/fd`, so a socket of another container's PID namespace shows no process
    /// (`ss -ltnp` in debian-container names no nginx pid, as `ps aux` there shows none).
    pub fn ss_seen_from(&self, args: &[String], visible: &dyn Fn(&Owner) -> bool) -> (String, i32) {
        let users = |owner: &Option<Owner>, fd: u32| match owner {
            Some(o) if visible(o) => users(&Some(o.clone()), fd),
            _ => String::new(),
        };
        let o = match parse_ss(args) {
            Ok(o) => o,
            Err(ch) => return (format!("ss: invalid option -- '{ch}'\n{SS_USAGE}"), 255),
        };
        let mut rows: Vec<[String; 8]> = vec![[
            "State".into(),
            "Recv-Q".into(),
            "Send-Q".into(),
            "Local Address:".into(),
            "Port".into(),
            "Peer Address:".into(),
            "Port".into(),
            "Process".into(),
        ]];
        for v6 in [false, true] {
            if (v6 && o.only_v4) || (!v6 && o.only_v6) {
                continue;
            }
            if o.listening || o.all {
                for l in self
                    .listeners()
                    .into_iter()
                    .filter(|l| l.addr.is_ipv6() == v6)
                {
                    let (local, peer) = match (l.options.dual_stack, v6) {
                        (true, _) => ("*".to_string(), "*"),
                        (false, true) => (host(l.addr), "[::]"),
                        (false, false) => (host(l.addr), "0.0.0.0"),
                    };
                    rows.push([
                        TcpState::Listen.ss_name().into(),
                        format!("{:<6}", l.backlog),
                        format!("{:<6}", l.options.backlog),
                        format!("{local}:"),
                        service(l.port, o.numeric),
                        format!("{peer}:"),
                        "*".into(),
                        if o.processes {
                            users(&Some(l.owner.clone()), l.fd)
                        } else {
                            String::new()
                        },
                    ]);
                }
            }
            if o.listening && !o.all {
                continue;
            }
            for c in self
                .connections()
                .into_iter()
                .filter(|c| c.local.is_ipv6() == v6)
            {
                let hidden = matches!(
                    c.state,
                    TcpState::TimeWait | TcpState::SynReceived | TcpState::Closed
                );
                if hidden && !o.all {
                    continue;
                }
                rows.push(conn_row(
                    &c.local,
                    &c.remote,
                    c.state,
                    c.recv_q,
                    c.send_q,
                    &o,
                    users(&c.owner, c.fd),
                ));
            }
        }
        (render(&rows), 0)
    }

    /// `ip addr` (iproute2 6.1) inside the pod: `lo` and the veth `eth0` with the pod IP.
    pub fn ip_addr_show(&self) -> String {
        let ip = self.pod_ip.octets();
        let mac = [0x0a, 0x58, ip[0], ip[1], ip[2], ip[3]];
        let mac_text: Vec<String> = mac.iter().map(|b| format!("{b:02x}")).collect();
        let link_local = Ipv6Addr::new(
            0xfe80,
            0,
            0,
            0,
            u16::from_be_bytes([mac[0] ^ 0x02, mac[1]]),
            u16::from_be_bytes([mac[2], 0xff]),
            u16::from_be_bytes([0xfe, mac[3]]),
            u16::from_be_bytes([mac[4], mac[5]]),
        );
        let brd = std::net::Ipv4Addr::new(ip[0], ip[1], ip[2], 255);
        let mut s = String::new();
        s.push_str("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n");
        s.push_str("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
        s.push_str(
            "    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n",
        );
        s.push_str(
            "    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n",
        );
        let _ = writeln!(
            s,
            "2: eth0@if{}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000",
            self.host_ifindex
        );
        let _ = writeln!(
            s,
            "    link/ether {} brd ff:ff:ff:ff:ff:ff link-netnsid 0",
            mac_text.join(":")
        );
        let _ = writeln!(s, "    inet {}/24 brd {brd} scope global eth0", self.pod_ip);
        s.push_str("       valid_lft forever preferred_lft forever\n");
        let _ = writeln!(s, "    inet6 {link_local}/64 scope link ");
        s.push_str("       valid_lft forever preferred_lft forever\n");
        s
    }
}

fn conn_row(
    local: &SocketAddr,
    remote: &SocketAddr,
    state: TcpState,
    recv_q: usize,
    send_q: usize,
    o: &SsOptions,
    process: String,
) -> [String; 8] {
    [
        state.ss_name().into(),
        format!("{recv_q:<6}"),
        format!("{send_q:<6}"),
        format!("{}:", host(local.ip())),
        port_text(local.port(), o.numeric),
        format!("{}:", host(remote.ip())),
        port_text(remote.port(), o.numeric),
        if o.processes { process } else { String::new() },
    ]
}

/// Ports in the ephemeral range are never resolved to service names.
fn port_text(port: u16, numeric: bool) -> String {
    if (32768..=60999).contains(&port) {
        port.to_string()
    } else {
        service(port, numeric)
    }
}
