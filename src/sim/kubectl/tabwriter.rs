//! Go's `text/tabwriter` column layout, which kubectl uses for every table it prints:
//! tab-terminated cells in consecutive lines form a column block whose width is the widest
//! cell plus padding; the text after a line's last tab is never padded.

/// Aligns `text` (lines of tab-separated cells) as `tabwriter.NewWriter(w, minwidth, _,
/// padding, ' ', 0)` would.
pub fn tabwrite(text: &str, minwidth: usize, padding: usize) -> String {
    let lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
    let mut out = String::new();
    let mut widths = Vec::new();
    format(
        &lines,
        0,
        lines.len(),
        &mut widths,
        minwidth,
        padding,
        &mut out,
    );
    out
}

fn width(cell: &str) -> usize {
    cell.chars().count()
}

/// Number of tab-terminated cells in a line.
fn cells(line: &[&str]) -> usize {
    line.len().saturating_sub(1)
}

fn format(
    lines: &[Vec<&str>],
    mut line0: usize,
    line1: usize,
    widths: &mut Vec<usize>,
    minwidth: usize,
    padding: usize,
    out: &mut String,
) {
    let column = widths.len();
    let mut this = line0;
    while this < line1 {
        if column >= cells(lines.get(this).map_or(&[][..], |l| l)) {
            this += 1;
            continue;
        }
        write_lines(lines, line0, this, widths, out);
        line0 = this;
        let mut w = minwidth;
        while this < line1 {
            let Some(line) = lines.get(this) else { break };
            if column >= cells(line) {
                break;
            }
            w = w.max(
                line.get(column)
                    .map_or(0, |c| width(c))
                    .saturating_add(padding),
            );
            this += 1;
        }
        widths.push(w);
        format(lines, line0, this, widths, minwidth, padding, out);
        widths.pop();
        line0 = this;
    }
    write_lines(lines, line0, line1, widths, out);
}

fn write_lines(lines: &[Vec<&str>], from: usize, to: usize, widths: &[usize], out: &mut String) {
    for (i, line) in lines.iter().enumerate().take(to).skip(from) {
        for (j, cell) in line.iter().enumerate() {
            out.push_str(cell);
            if let Some(w) = widths.get(j) {
                if j + 1 < line.len() {
                    out.push_str(&" ".repeat(w.saturating_sub(width(cell))));
                }
            }
        }
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_blocks_and_leaves_last_cell_unpadded() {
        let t = tabwrite("NAME\tREADY\tAGE\nlong-name\t1/2\t5s\n", 6, 3);
        assert_eq!(t, "NAME        READY   AGE\nlong-name   1/2     5s\n");
        // A line without tabs ends the block: the next block is aligned on its own.
        let t = tabwrite("a:\t1\nlonger:\t2\nbreak\nb:\t3\n", 0, 2);
        assert_eq!(t, "a:       1\nlonger:  2\nbreak\nb:  3\n");
        // Trailing empty text after a tab still pads the cell (kubectl's "Medium:     ").
        assert_eq!(
            tabwrite("Medium:\t\nSizeLimit:\tx\n", 0, 2),
            "Medium:     \nSizeLimit:  x\n"
        );
    }
}
