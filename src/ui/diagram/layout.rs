//! Where each part of the pod diagram goes, in SVG user units.
//!
//! [`Shape::Wide`] is 1000 units wide and as tall as its content; the SVG's `viewBox` scales it
//! to the window. Rows from top to bottom: volumes, mount links, containers, loopback taps, and
//! the network namespace (the `lo` bus, the pause container, listeners, `eth0`). Works for any
//! number of containers and volumes; it is tuned for 1–4 containers and 0–2 volumes. A phone
//! gets [`Shape::Narrow`] ([`super::narrow`]): the same parts stacked in a drawing half as wide,
//! so its text is twice as large on screen.

use super::model::DiagramModel;

/// Width of the wide drawing.
pub const VIEW_WIDTH: i32 = 1000;

/// How the diagram is laid out: side by side for a wide screen, stacked for a phone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shape {
    /// Containers side by side under their volumes, [`VIEW_WIDTH`] wide.
    #[default]
    Wide,
    /// Containers above and below their volume, taps in side lanes, [`super::narrow::WIDTH`]
    /// wide.
    Narrow,
}
/// Height of one text line inside a container box.
pub const LINE: i32 = 28;
/// From a container box's top edge to the baseline of its name.
pub const BOX_TITLE: i32 = 38;

const POD_MARGIN: i32 = 20;
const INNER_LEFT: i32 = 44;
const INNER_WIDTH: i32 = VIEW_WIDTH - 2 * INNER_LEFT;
/// Space between two boxes of a row.
pub(super) const GAP: i32 = 28;
/// Height of a volume box.
pub(super) const VOLUME_HEIGHT: i32 = 64;
/// Height of the band the mount links cross.
pub(super) const LINK_ZONE: i32 = 100;
/// Height of the band the taps cross down to the network namespace.
pub(super) const TAP_ZONE: i32 = 56;
/// Height of the pause and `eth0` boxes.
pub(super) const NETNS_ROW: i32 = 76;

/// A point in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    /// Distance from the left edge.
    pub x: i32,
    /// Distance from the top edge.
    pub y: i32,
}

/// An axis-aligned box in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
}

impl Rect {
    /// The middle of the box, horizontally.
    pub fn center_x(&self) -> i32 {
        self.x + self.w / 2
    }
    /// The bottom edge.
    pub fn bottom(&self) -> i32 {
        self.y + self.h
    }
    /// Whether `other` lies entirely inside this box.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.w <= self.x + self.w
            && other.bottom() <= self.bottom()
    }
    /// Whether the two boxes share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

/// The line joining a volume to a container that mounts it, labelled with the mount path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountLink {
    /// Index into `DiagramModel::containers`.
    pub container: usize,
    /// Index into `DiagramModel::volumes`.
    pub volume: usize,
    /// The mount path shown on the line.
    pub path: String,
    /// End on the volume's bottom edge.
    pub from: Point,
    /// End on the container's top edge.
    pub to: Point,
    /// Centre of the label.
    pub label: Point,
}

/// Positions of everything in the diagram, computed by [`layout`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagramLayout {
    /// Width of the drawing.
    pub width: i32,
    /// Height of the drawing.
    pub height: i32,
    /// The pod boundary.
    pub pod: Rect,
    /// Start of the baseline of the pod's name.
    pub title: Point,
    /// End of the baseline of the pod's IP (the text is right-aligned).
    pub ip: Point,
    /// One box per volume, in model order.
    pub volumes: Vec<Rect>,
    /// One box per container, in model order.
    pub containers: Vec<Rect>,
    /// Volume-to-container lines.
    pub mounts: Vec<MountLink>,
    /// The shared network namespace.
    pub netns: Rect,
    /// Left and right ends of the `lo` bus.
    pub loopback: (Point, Point),
    /// The line from each container down to the `lo` bus, in container order: first point on
    /// the container's edge, last on the bus.
    pub taps: Vec<Vec<Point>>,
    /// The pause (sandbox) container that holds the namespace.
    pub pause: Rect,
    /// The `eth0` device.
    pub eth0: Rect,
    /// Top-left of the listener list, between the pause container and `eth0`.
    pub listeners: Point,
}

/// Lays out `model` in `shape`: a pure function of both, so the same pod always draws the same
/// way.
pub fn layout(model: &DiagramModel, shape: Shape) -> DiagramLayout {
    match shape {
        Shape::Wide => wide(model),
        Shape::Narrow => super::narrow::layout(model),
    }
}

/// The height of every container box: enough for the container with the most lines.
pub(super) fn box_height(model: &DiagramModel) -> i32 {
    let lines = model
        .containers
        .iter()
        .map(|c| 2 + c.mounts.len() + c.processes.len() + c.files.len())
        .max()
        .unwrap_or(2);
    BOX_TITLE + LINE * count(lines) + 16
}

fn wide(model: &DiagramModel) -> DiagramLayout {
    let mut y = POD_MARGIN + 74;
    let volumes = row(
        model.volumes.len(),
        INNER_LEFT,
        INNER_WIDTH,
        300,
        y,
        VOLUME_HEIGHT,
    );
    if !volumes.is_empty() {
        y += VOLUME_HEIGHT + LINK_ZONE;
    }
    let box_height = box_height(model);
    let containers = row(
        model.containers.len(),
        INNER_LEFT,
        INNER_WIDTH,
        440,
        y,
        box_height,
    );
    let mounts = mount_links(model, &volumes, &containers);
    y += box_height + TAP_ZONE;

    let bus_y = y + 44;
    let loopback = (
        Point {
            x: INNER_LEFT + 16,
            y: bus_y,
        },
        Point {
            x: INNER_LEFT + INNER_WIDTH - 16,
            y: bus_y,
        },
    );
    let taps = containers.iter().map(|c| straight_tap(c, bus_y)).collect();
    let row_y = bus_y + 44;
    let row_h = NETNS_ROW.max(28 * count(model.listeners.len()) + 30);
    let side_w = 250;
    let pause = Rect {
        x: INNER_LEFT + 16,
        y: row_y,
        w: side_w,
        h: row_h,
    };
    let eth0 = Rect {
        x: INNER_LEFT + INNER_WIDTH - 16 - side_w,
        y: row_y,
        w: side_w,
        h: row_h,
    };
    let listeners = Point {
        x: pause.x + side_w + 30,
        y: row_y,
    };
    let netns = Rect {
        x: INNER_LEFT,
        y,
        w: INNER_WIDTH,
        h: row_y + row_h + 20 - y,
    };
    let pod_h = netns.bottom() + 24 - POD_MARGIN;
    let pod = Rect {
        x: POD_MARGIN,
        y: POD_MARGIN,
        w: VIEW_WIDTH - 2 * POD_MARGIN,
        h: pod_h,
    };
    DiagramLayout {
        width: VIEW_WIDTH,
        height: pod_h + 2 * POD_MARGIN,
        pod,
        title: Point {
            x: pod.x + 24,
            y: pod.y + 42,
        },
        ip: Point {
            x: pod.x + pod.w - 24,
            y: pod.y + 42,
        },
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

/// The tap straight down from the middle of a container's bottom edge to the bus at `bus_y`.
pub(super) fn straight_tap(c: &Rect, bus_y: i32) -> Vec<Point> {
    vec![
        Point {
            x: c.center_x(),
            y: c.bottom(),
        },
        Point {
            x: c.center_x(),
            y: bus_y,
        },
    ]
}

/// `n` boxes of at most `max_w` spread evenly across the band `left`..`left + width`, each
/// centred in its slot.
pub(super) fn row(n: usize, left: i32, width: i32, max_w: i32, y: i32, h: i32) -> Vec<Rect> {
    let n_i = count(n).max(1);
    let slot = (width + GAP) / n_i;
    let w = (slot - GAP).min(max_w);
    (0..n_i.min(count(n)))
        .map(|i| Rect {
            x: left + slot * i + (slot - GAP - w) / 2,
            y,
            w,
            h,
        })
        .collect()
}

fn mount_links(model: &DiagramModel, volumes: &[Rect], containers: &[Rect]) -> Vec<MountLink> {
    // Every (container, mount) pair whose volume exists, in manifest order.
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
    pairs
        .iter()
        .filter_map(|&(ci, mi, vi, path)| {
            let vol = volumes.get(vi)?;
            let cont = containers.get(ci)?;
            let model_c = model.containers.get(ci)?;
            let on_volume = pairs.iter().filter(|p| p.2 == vi).count();
            let nth_on_volume = pairs
                .iter()
                .take_while(|p| !(p.0 == ci && p.1 == mi))
                .filter(|p| p.2 == vi)
                .count();
            let from = Point {
                x: spread(vol, nth_on_volume, on_volume),
                y: vol.bottom(),
            };
            let to = Point {
                x: spread(cont, mi, model_c.mounts.len()),
                y: cont.y,
            };
            let label = Point {
                x: (from.x + to.x) / 2,
                y: (from.y + to.y) / 2,
            };
            Some(MountLink {
                container: ci,
                volume: vi,
                path: path.to_string(),
                from,
                to,
                label,
            })
        })
        .collect()
}

/// The x of the `index`-th of `of` attachment points spread along the box's width.
pub(super) fn spread(rect: &Rect, index: usize, of: usize) -> i32 {
    rect.x + rect.w * (count(index) + 1) / (count(of) + 1)
}

/// `n` as drawing units, capped so no product overflows.
pub(super) fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX / 1024).min(1024)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::diagram::model::{ContainerModel, ContainerState, Mount};

    fn container(name: &str, mounts: &[(&str, &str)]) -> ContainerModel {
        ContainerModel {
            name: name.to_string(),
            image: "debian".to_string(),
            state: ContainerState::Running,
            mounts: mounts.iter().map(|(p, v)| Mount::new(p, v)).collect(),
            processes: vec!["sleep infinity".to_string()],
            files: vec![],
        }
    }

    fn model(containers: usize, volumes: usize) -> DiagramModel {
        let volume_names: Vec<String> = (0..volumes).map(|v| format!("vol-{v}")).collect();
        DiagramModel {
            pod_name: "p".to_string(),
            pod_ip: "10.244.1.5".to_string(),
            containers: (0..containers)
                .map(|c| {
                    let mounts: Vec<(String, String)> = volume_names
                        .iter()
                        .map(|v| (format!("/data/{c}/{v}"), v.clone()))
                        .collect();
                    let borrowed: Vec<(&str, &str)> = mounts
                        .iter()
                        .map(|(p, v)| (p.as_str(), v.as_str()))
                        .collect();
                    container(&format!("c{c}"), &borrowed)
                })
                .collect(),
            volumes: volume_names,
            listeners: vec!["0.0.0.0:80 nginx".to_string()],
        }
    }

    /// Whether the straight line `a`–`b` passes through the inside of `r` (its ends excepted).
    fn crosses(a: Point, b: Point, r: &Rect) -> bool {
        (1..40).any(|k| {
            let x = a.x + (b.x - a.x) * k / 40;
            let y = a.y + (b.y - a.y) * k / 40;
            x > r.x + 2 && x < r.x + r.w - 2 && y > r.y + 2 && y < r.bottom() - 2
        })
    }

    #[test]
    fn every_box_fits_in_the_pod_and_none_overlap() {
        for shape in [Shape::Wide, Shape::Narrow] {
            for containers in 1..=4 {
                for volumes in 0..=2 {
                    let l = layout(&model(containers, volumes), shape);
                    let case = format!("{shape:?} {containers}c/{volumes}v");
                    assert_eq!(l.containers.len(), containers);
                    assert_eq!(l.volumes.len(), volumes);
                    assert_eq!(l.mounts.len(), containers * volumes);
                    let mut boxes: Vec<Rect> = l.containers.clone();
                    boxes.extend(&l.volumes);
                    boxes.extend([l.pause, l.eth0]);
                    for (i, a) in boxes.iter().enumerate() {
                        assert!(l.pod.contains(a), "{case}: {a:?} outside pod");
                        for b in boxes.iter().skip(i + 1) {
                            assert!(!a.overlaps(b), "{case}: {a:?} overlaps {b:?}");
                        }
                    }
                    assert!(l.pod.contains(&l.netns), "{case}");
                    assert!(l.netns.contains(&l.pause) && l.netns.contains(&l.eth0));
                    assert!(l.pod.x + l.pod.w < l.width && l.pod.bottom() < l.height);
                }
            }
        }
    }

    #[test]
    fn lines_never_cross_a_box_they_do_not_join() {
        for shape in [Shape::Wide, Shape::Narrow] {
            for (containers, volumes) in [(1, 1), (2, 0), (2, 1), (3, 1), (4, 0)] {
                let l = layout(&model(containers, volumes), shape);
                let case = format!("{shape:?} {containers}c/{volumes}v");
                for link in &l.mounts {
                    let own = [l.containers[link.container], l.volumes[link.volume]];
                    for other in l.containers.iter().chain(&l.volumes) {
                        if !own.contains(other) {
                            assert!(!crosses(link.from, link.to, other), "{case}: {link:?}");
                        }
                    }
                }
                for (i, tap) in l.taps.iter().enumerate() {
                    assert_eq!(tap.last().map(|p| p.y), Some(l.loopback.0.y), "{case}");
                    for w in tap.windows(2) {
                        for (j, other) in l.containers.iter().chain(&l.volumes).enumerate() {
                            if j != i {
                                assert!(!crosses(w[0], w[1], other), "{case}: tap {i} {tap:?}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_narrow_drawing_is_under_half_as_wide() {
        let l = layout(&model(2, 1), Shape::Narrow);
        assert!(l.width * 2 <= VIEW_WIDTH);
        let (c0, c1, vol) = (l.containers[0], l.containers[1], l.volumes[0]);
        assert!(
            c0.bottom() < vol.y && vol.bottom() < c1.y,
            "nginx, volume, debian, top down"
        );
        assert!(
            c0.w * 10 > l.width * 8,
            "each container gets the drawing's width"
        );
    }

    #[test]
    fn mount_links_join_volume_bottom_to_container_top() {
        let m = model(2, 1);
        let l = layout(&m, Shape::Wide);
        for link in &l.mounts {
            let vol = l.volumes[link.volume];
            let cont = l.containers[link.container];
            assert_eq!(link.from.y, vol.bottom());
            assert!(link.from.x > vol.x && link.from.x < vol.x + vol.w);
            assert_eq!(link.to.y, cont.y);
            assert!(link.to.x > cont.x && link.to.x < cont.x + cont.w);
        }
        assert_ne!(
            l.mounts[0].from, l.mounts[1].from,
            "two links leave one volume apart"
        );
    }

    #[test]
    fn unknown_volume_gets_no_link_and_taps_reach_the_bus() {
        let mut m = model(2, 0);
        m.containers[0].mounts.push(Mount::new("/x", "missing"));
        let l = layout(&m, Shape::Wide);
        assert!(l.mounts.is_empty());
        for (tap, c) in l.taps.iter().zip(&l.containers) {
            let (top, bottom) = (tap[0], tap[tap.len() - 1]);
            assert_eq!(top.y, c.bottom());
            assert_eq!(bottom.y, l.loopback.0.y);
            assert!(top.x > l.loopback.0.x && top.x < l.loopback.1.x);
        }
    }
}
