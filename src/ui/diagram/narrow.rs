//! The phone layout of the pod diagram ([`super::layout::Shape::Narrow`]).
//!
//! A phone held upright is a third as wide as a laptop, so the wide drawing's 17-unit text
//! comes out at 5 px. This drawing is [`WIDTH`] units wide (text about 11 px at 360 px) and
//! stacks what the wide one puts side by side: the first half of the containers above the
//! volumes, the rest below, so every mount link stays a short straight line; with no volume the
//! containers stack one per row. A container with something between it and the network
//! namespace reaches the `lo` bus through a lane at the drawing's side instead of straight down.

use super::layout::{
    box_height, count, row, spread, straight_tap, DiagramLayout, MountLink, Point, Rect, GAP,
    NETNS_ROW, VOLUME_HEIGHT,
};
use super::model::DiagramModel;

/// Width of the phone drawing.
pub const WIDTH: i32 = 480;

const MARGIN: i32 = 8;
const INNER_LEFT: i32 = 18;
const INNER_WIDTH: i32 = WIDTH - 2 * INNER_LEFT;
/// Width of each side lane the taps of the upper containers run down.
const LANE: i32 = 26;
const BOX_LEFT: i32 = INNER_LEFT + LANE;
const BOX_WIDTH: i32 = INNER_WIDTH - 2 * LANE;
const DEVICE_WIDTH: i32 = 200;
/// The bands mount links and taps cross: shorter than the wide drawing's, to save height.
const LINK_ZONE: i32 = 70;
const TAP_ZONE: i32 = 36;

/// Lays out `model` for a phone.
pub fn layout(model: &DiagramModel) -> DiagramLayout {
    let title = Point {
        x: MARGIN + 16,
        y: MARGIN + 38,
    };
    // The IP goes on a row of its own: beside the name it would not fit.
    let ip = Point {
        x: WIDTH - MARGIN - 16,
        y: MARGIN + 72,
    };
    let mut y = MARGIN + 92;
    let box_h = box_height(model);
    let n = model.containers.len();
    let (containers, volumes, upper) = if model.volumes.is_empty() {
        let stacked = (0..count(n))
            .map(|i| Rect {
                x: BOX_LEFT,
                y: y + i * (box_h + GAP),
                w: BOX_WIDTH,
                h: box_h,
            })
            .collect::<Vec<_>>();
        y += count(n) * (box_h + GAP) - GAP;
        (stacked, Vec::new(), n.saturating_sub(1))
    } else {
        let upper = n.div_ceil(2);
        let mut boxes = row(upper, BOX_LEFT, BOX_WIDTH, BOX_WIDTH, y, box_h);
        y += box_h + LINK_ZONE;
        let volumes = row(
            model.volumes.len(),
            BOX_LEFT,
            BOX_WIDTH,
            300,
            y,
            VOLUME_HEIGHT,
        );
        y += VOLUME_HEIGHT;
        if n > upper {
            y += LINK_ZONE;
            boxes.extend(row(n - upper, BOX_LEFT, BOX_WIDTH, BOX_WIDTH, y, box_h));
            y += box_h;
        }
        (boxes, volumes, upper)
    };
    let mounts = mount_links(model, &volumes, &containers, upper);
    y += TAP_ZONE;
    let bus_y = y + 40;
    let loopback = (
        Point {
            x: INNER_LEFT + 6,
            y: bus_y,
        },
        Point {
            x: INNER_LEFT + INNER_WIDTH - 6,
            y: bus_y,
        },
    );
    let taps = taps(&containers, upper, bus_y);
    let row_y = bus_y + 36;
    let pause = Rect {
        x: INNER_LEFT + 12,
        y: row_y,
        w: DEVICE_WIDTH,
        h: NETNS_ROW,
    };
    let eth0 = Rect {
        x: INNER_LEFT + INNER_WIDTH - 12 - DEVICE_WIDTH,
        y: row_y,
        w: DEVICE_WIDTH,
        h: NETNS_ROW,
    };
    // Listeners go under the two devices: between them there is no room.
    let listeners = Point {
        x: pause.x,
        y: pause.bottom(),
    };
    let netns = Rect {
        x: INNER_LEFT,
        y,
        w: INNER_WIDTH,
        h: listeners.y + 28 * count(model.listeners.len()) + 24 - y,
    };
    let pod = Rect {
        x: MARGIN,
        y: MARGIN,
        w: WIDTH - 2 * MARGIN,
        h: netns.bottom() + 16 - MARGIN,
    };
    DiagramLayout {
        width: WIDTH,
        height: pod.bottom() + MARGIN,
        pod,
        title,
        ip,
        volumes,
        containers,
        mounts,
        netns,
        loopback,
        taps,
        pause,
        eth0,
        listeners,
    }
}

/// The first `upper` containers have boxes below them, so they reach the bus through a lane:
/// a container in the left half of its row through the left lane, the others through the right
/// one (each a few units apart). The rest go straight down.
fn taps(containers: &[Rect], upper: usize, bus_y: i32) -> Vec<Vec<Point>> {
    let middle = INNER_LEFT + INNER_WIDTH / 2;
    let (mut left_k, mut right_k) = (0, 0);
    containers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i >= upper {
                return straight_tap(c, bus_y);
            }
            let (edge, lane) = if c.center_x() < middle && c.x + c.w < middle + LANE {
                left_k += 1;
                let lane = INNER_LEFT + LANE / 2 + 8 * (left_k - 1);
                (c.x, lane.min(BOX_LEFT - 4))
            } else {
                right_k += 1;
                let lane = INNER_LEFT + INNER_WIDTH - LANE / 2 - 8 * (right_k - 1);
                (c.x + c.w, lane.max(BOX_LEFT + BOX_WIDTH + 4))
            };
            let mid = c.y + c.h / 2;
            vec![
                Point { x: edge, y: mid },
                Point { x: lane, y: mid },
                Point { x: lane, y: bus_y },
            ]
        })
        .collect()
}

/// Links from a volume's top edge to the containers above it, and from its bottom edge to the
/// ones below, each end spread along its edge.
fn mount_links(
    model: &DiagramModel,
    volumes: &[Rect],
    containers: &[Rect],
    upper: usize,
) -> Vec<MountLink> {
    let pairs: Vec<(usize, usize, usize, &str)> = model
        .containers
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| {
            c.mounts.iter().enumerate().filter_map(move |(mi, m)| {
                let vi = model.volumes.iter().position(|v| *v == m.volume)?;
                Some((ci, mi, vi, m.path.as_str()))
            })
        })
        .collect();
    let same_edge = |a: &(usize, usize, usize, &str), vi: usize, above: bool| {
        a.2 == vi && (a.0 < upper) == above
    };
    pairs
        .iter()
        .enumerate()
        .filter_map(|(k, &(ci, mi, vi, path))| {
            let vol = volumes.get(vi)?;
            let cont = containers.get(ci)?;
            let above = ci < upper;
            let on_edge = pairs.iter().filter(|p| same_edge(p, vi, above)).count();
            let nth = pairs
                .iter()
                .take(k)
                .filter(|p| same_edge(p, vi, above))
                .count();
            let mounts = model.containers.get(ci)?.mounts.len();
            let (from_y, to_y) = if above {
                (vol.y, cont.bottom())
            } else {
                (vol.bottom(), cont.y)
            };
            let from = Point {
                x: spread(vol, nth, on_edge),
                y: from_y,
            };
            let to = Point {
                x: spread(cont, mi, mounts),
                y: to_y,
            };
            Some(MountLink {
                container: ci,
                volume: vi,
                path: path.to_string(),
                from,
                to,
                label: Point {
                    x: (from.x + to.x) / 2,
                    y: (from.y + to.y) / 2,
                },
            })
        })
        .collect()
}
