//! Which rows the event list renders: the rows the filters let through, cut to a window around
//! the current position so a trace of tens of thousands of events stays cheap to draw.

use super::filters::Filters;
use super::rows::EventRow;

/// How many rows the event list renders at most.
pub const WINDOW_ROWS: usize = 200;

/// The slice of the filtered rows to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowWindow {
    /// Indices into the full row list, in order.
    pub rows: Vec<usize>,
    /// Filtered rows left out before the window.
    pub hidden_before: usize,
    /// Filtered rows left out after the window.
    pub hidden_after: usize,
}

/// The rows to draw when `position` events have been shown: the filtered rows, at most `cap` of
/// them, centred on the last shown one. `rows` is in trace order.
pub fn row_window(rows: &[EventRow], filters: Filters, position: usize, cap: usize) -> RowWindow {
    let visible: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| filters.shows(r.kind))
        .map(|(i, _)| i)
        .collect();
    // Filtered rows already shown; the last of them is the current one.
    let shown = visible.partition_point(|&i| rows.get(i).is_some_and(|r| r.seq < position as u64));
    let end = shown.saturating_add(cap / 2).max(cap).min(visible.len());
    let start = end.saturating_sub(cap);
    RowWindow {
        rows: visible
            .get(start..end)
            .map(<[usize]>::to_vec)
            .unwrap_or_default(),
        hidden_before: start,
        hidden_after: visible.len().saturating_sub(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: u64) -> Vec<EventRow> {
        (0..n)
            .map(|seq| EventRow {
                seq,
                t_ms: seq,
                kind: if seq % 2 == 0 { "tcp" } else { "file" },
                label: String::new(),
                caption: String::new(),
                packet: None,
            })
            .collect()
    }

    #[test]
    fn small_traces_render_whole() {
        let w = row_window(&rows(10), Filters::default(), 3, 200);
        assert_eq!(w.rows, (0..10).collect::<Vec<_>>());
        assert_eq!((w.hidden_before, w.hidden_after), (0, 0));
    }

    #[test]
    fn large_traces_render_a_window_holding_the_current_row() {
        let all = rows(20_000);
        let w = row_window(&all, Filters::default(), 10_000, 200);
        assert_eq!(w.rows.len(), 200);
        assert!(w.rows.contains(&9_999), "the current event is drawn");
        assert_eq!(w.hidden_before + w.rows.len() + w.hidden_after, 20_000);
        let end = row_window(&all, Filters::default(), 20_000, 200);
        assert_eq!((end.hidden_after, end.rows.last()), (0, Some(&19_999)));
        let start = row_window(&all, Filters::default(), 0, 200);
        assert_eq!((start.hidden_before, start.rows.first()), (0, Some(&0)));
    }

    #[test]
    fn filtered_out_rows_are_not_counted() {
        let w = row_window(&rows(1_000), Filters::default().toggled("file"), 1_000, 100);
        assert!(w.rows.iter().all(|&i| i % 2 == 0));
        assert_eq!(w.hidden_before + w.rows.len() + w.hidden_after, 500);
        assert_eq!(w.rows.last(), Some(&998));
    }
}
