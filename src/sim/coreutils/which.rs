//! `which [-a] NAME...` (Debian's debianutils script): the first (or every) executable of that
//! name on PATH; status 1 when one is missing.

use super::Ctx;
use crate::sim::fs::NodeKind;

/// `which`.
pub(super) fn which(args: &[String], ctx: &mut Ctx) -> i32 {
    let all = args.first().is_some_and(|a| a == "-a");
    let names = args.get(usize::from(all)..).unwrap_or_default();
    if names.is_empty() {
        return 1;
    }
    let path = ctx.var("PATH").unwrap_or_default().to_string();
    let mut status = 0;
    for name in names {
        let candidates: Vec<String> = if name.contains('/') {
            vec![name.clone()]
        } else {
            path.split(':')
                .map(|d| if d.is_empty() { "." } else { d })
                .map(|d| format!("{}/{name}", d.trim_end_matches('/')))
                .collect()
        };
        let mut found = false;
        for c in candidates {
            let exec = ctx
                .fs
                .stat(ctx.ns, &ctx.abs(&c))
                .is_ok_and(|m| matches!(m.kind, NodeKind::File) && m.mode & 0o111 != 0);
            if exec {
                ctx.out.out(format!("{c}\n"));
                found = true;
                if !all {
                    break;
                }
            }
        }
        if !found {
            status = 1;
        }
    }
    status
}
