//! What moves across the diagram while one event plays: a document flying from the writer to the
//! volume (and on to every container that sees the same inode), or a TCP segment travelling the
//! `lo` bus between the two endpoints' containers. Pure geometry from the trace and the layout.

use super::layout::{DiagramLayout, Point};
use super::model::DiagramModel;
use crate::anim::Scene;
use crate::sim::event::{Event, EventKind};

/// The kind of thing in flight, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlightKind {
    /// A written file travelling to its volume and on to the other mounts.
    Document,
    /// A TCP segment.
    Segment,
    /// A segment with RST set: the connection refused or reset.
    Reset,
}

/// One thing in flight at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flight {
    /// How to draw it.
    pub kind: FlightKind,
    /// The route, drawn faintly; the icon moves along it.
    pub path: Vec<Point>,
    /// Where the icon is now.
    pub at: Point,
    /// Its label: the file name, or `[SYN] len=0`.
    pub label: String,
}

/// The flight of `event`, `progress` (0–1) of the way along, given the scene and the diagram
/// of the steps before it (the scene says which container owns each port). `None` for events
/// that do not move anything.
pub fn flight(
    event: &Event,
    progress: f64,
    scene: &Scene,
    model: &DiagramModel,
    layout: &DiagramLayout,
) -> Option<Flight> {
    let container_at = |name: &str| model.containers.iter().position(|c| c.name == name);
    let (kind, path, label) = match &event.kind {
        EventKind::FileWritten {
            path,
            volume: Some(volume),
            also_at,
            ..
        } => {
            let writer = container_at(event.actor.container.as_deref()?)?;
            let vol = layout
                .volumes
                .get(model.volumes.iter().position(|v| v == volume)?)?;
            let mut route = vec![
                top(layout, writer)?,
                Point {
                    x: vol.center_x(),
                    y: vol.y + vol.h / 2,
                },
            ];
            route.extend(
                also_at
                    .iter()
                    .filter_map(|(c, _)| top(layout, container_at(c)?)),
            );
            let name = path.rsplit('/').next().unwrap_or(path).to_string();
            (FlightKind::Document, route, name)
        }
        EventKind::Segment(s) => {
            let src = scene.ports.get(&s.sport).and_then(|c| container_at(c));
            let dst = scene.ports.get(&s.dport).and_then(|c| container_at(c));
            let mut route: Vec<Point> = Vec::new();
            let tap = |end: Option<usize>| {
                end.and_then(|i| layout.taps.get(i))
                    .cloned()
                    .unwrap_or_else(|| vec![bus_mid(layout)])
            };
            route.extend(tap(src));
            route.extend(tap(dst).into_iter().rev());
            route.dedup();
            let kind = if s.flags.contains("RST") {
                FlightKind::Reset
            } else {
                FlightKind::Segment
            };
            (kind, route, format!("[{}] len={}", s.flags, s.len))
        }
        _ => return None,
    };
    let at = along(&path, progress);
    Some(Flight {
        kind,
        path,
        at,
        label,
    })
}

fn top(layout: &DiagramLayout, container: usize) -> Option<Point> {
    layout.containers.get(container).map(|r| Point {
        x: r.center_x(),
        y: r.y + r.h / 2,
    })
}

/// The middle of the `lo` bus: where a segment to a port nobody owns dies (and its RST starts).
fn bus_mid(layout: &DiagramLayout) -> Point {
    let (l, r) = layout.loopback;
    Point {
        x: (l.x + r.x) / 2,
        y: l.y,
    }
}

/// The point `t` (0–1) of the way along a polyline, by length.
pub fn along(path: &[Point], t: f64) -> Point {
    let seg_len = |a: &Point, b: &Point| f64::from(a.x - b.x).hypot(f64::from(a.y - b.y));
    let total: f64 = path.windows(2).map(|w| seg_len(&w[0], &w[1])).sum();
    let mut left = total * t.clamp(0.0, 1.0);
    for w in path.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = seg_len(&a, &b);
        if left <= len && len > 0.0 {
            let f = left / len;
            let lerp = |p: i32, q: i32| p + (f64::from(q - p) * f).round() as i32;
            return Point {
                x: lerp(a.x, b.x),
                y: lerp(a.y, b.y),
            };
        }
        left -= len;
    }
    path.last().copied().unwrap_or(Point { x: 0, y: 0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anim::derive;
    use crate::sim::cluster::Cluster;
    use crate::ui::diagram::{layout, scene_model, Shape};

    fn setup(lines: &[&str]) -> Cluster {
        let mut c = Cluster::with_scenario("shared-volume").unwrap();
        for l in lines {
            c.run_in_container("debian-container", l);
        }
        c
    }

    #[test]
    fn syn_goes_from_debian_down_the_bus_and_up_to_nginx() {
        let c = setup(&[
            "apt-get update",
            "apt-get install -y curl",
            "curl -s localhost",
        ]);
        let events = c.trace().events();
        let i = events
            .iter()
            .position(|e| matches!(&e.kind, EventKind::Segment(s) if s.flags == "SYN"))
            .unwrap();
        let scene = derive(&events[..i]);
        let model = scene_model(&scene, None);
        let l = layout(&model, Shape::Wide);
        let f = flight(&events[i], 0.0, &scene, &model, &l).unwrap();
        assert_eq!(
            (f.kind, f.label.as_str()),
            (FlightKind::Segment, "[SYN] len=0")
        );
        let debian = model
            .containers
            .iter()
            .position(|c| c.name == "debian-container")
            .unwrap();
        let nginx = model
            .containers
            .iter()
            .position(|c| c.name == "nginx-container")
            .unwrap();
        assert_eq!(f.at, l.taps[debian][0]);
        assert_eq!(
            flight(&events[i], 1.0, &scene, &model, &l).unwrap().at,
            l.taps[nginx][0]
        );
        assert_eq!(f.path.len(), 4);
    }

    #[test]
    fn refused_syn_gets_a_red_rst_back_from_the_bus() {
        let c = setup(&[
            "apt-get update",
            "apt-get install -y curl",
            "curl -s localhost:8080",
        ]);
        let events = c.trace().events();
        let i = events
            .iter()
            .position(|e| matches!(&e.kind, EventKind::Segment(s) if s.flags.contains("RST")))
            .unwrap();
        let scene = derive(&events[..i]);
        let model = scene_model(&scene, None);
        let l = layout(&model, Shape::Wide);
        let f = flight(&events[i], 0.0, &scene, &model, &l).unwrap();
        assert_eq!(f.kind, FlightKind::Reset);
        assert_eq!(f.at.y, l.loopback.0.y);
    }

    #[test]
    fn shared_write_flies_to_the_volume_then_to_nginx() {
        let c = setup(&["echo hi > /pod-data/index.html"]);
        let events = c.trace().events();
        let i = events.len() - 1;
        let scene = derive(&events[..i]);
        let model = scene_model(&scene, None);
        let l = layout(&model, Shape::Wide);
        let f = flight(&events[i], 0.5, &scene, &model, &l).unwrap();
        assert_eq!(
            (f.kind, f.label.as_str(), f.path.len()),
            (FlightKind::Document, "index.html", 3)
        );
        assert!(
            flight(&events[0], 0.5, &scene, &model, &l).is_none(),
            "pod creation does not fly"
        );
        assert_eq!(along(&[], 0.5), Point { x: 0, y: 0 });
    }
}
