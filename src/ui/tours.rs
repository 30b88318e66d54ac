//! Guided tours: a few steps per scenario, each a sentence to read and, usually, a command the
//! tour types for you so the diagram animates it. Plain data.

/// One step of a tour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TourStep {
    /// What to look at, one or two sentences.
    pub caption: &'static str,
    /// The terminal the step types into and the line it types, if any.
    pub run: Option<(&'static str, &'static str)>,
}

/// A tour through one scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tour {
    /// The scenario id it belongs to (`shared-volume`).
    pub scenario: &'static str,
    /// Its steps, in order.
    pub steps: &'static [TourStep],
}

const fn step(caption: &'static str, run: Option<(&'static str, &'static str)>) -> TourStep {
    TourStep { caption, run }
}

const DEBIAN: &str = "debian-container";
const NGINX: &str = "nginx-container";

static TOURS: [Tour; 3] = [
    Tour {
        scenario: "shared-volume",
        steps: &[
            step("The emptyDir volume shared-data starts empty. nginx serves it as its document root, so it has no index.html yet.", Some((NGINX, "ls -la /usr/share/nginx/html"))),
            step("Write a page from the debian container into its mount of the volume, /pod-data.", Some((DEBIAN, "echo '<h1>Hello from debian</h1>' > /pod-data/index.html"))),
            step("The same inode is now visible in nginx's container at another path: one volume, two mount paths.", Some((NGINX, "ls -li /usr/share/nginx/html"))),
            step("Install curl in debian: packages land in debian's own root filesystem, not in the volume.", Some((DEBIAN, "apt-get update && apt-get install -y curl"))),
            step("Ask nginx for the page over localhost: watch the segments travel the lo bus.", Some((DEBIAN, "curl -s localhost"))),
        ],
    },
    Tour {
        scenario: "localhost",
        steps: &[
            step("Both containers share the pause container's network namespace. nginx listens on port 80.", Some((NGINX, "nginx -v"))),
            step("Install curl in debian first.", Some((DEBIAN, "apt-get update && apt-get install -y curl"))),
            step("curl localhost from debian reaches nginx in the other container: SYN, SYN-ACK, ACK, then HTTP.", Some((DEBIAN, "curl -sI localhost"))),
            step("Nothing listens on port 8080, so the kernel answers the SYN with a RST: connection refused.", Some((DEBIAN, "curl -sS localhost:8080"))),
        ],
    },
    Tour {
        scenario: "docs-original",
        steps: &[
            step("debian ran its one command, wrote index.html into the volume and exited: Terminated (Completed).", Some(("kubectl", "kubectl get pods"))),
            step("nginx still serves the file debian left behind in the shared volume.", Some(("kubectl", "kubectl exec two-containers -c nginx-container -- cat /usr/share/nginx/html/index.html"))),
            step("debian's terminal cannot open: a terminated container has no processes to join.", None),
        ],
    },
];

/// The tour of scenario `id`, if it has one.
pub fn tour_for(id: &str) -> Option<&'static Tour> {
    TOURS.iter().find(|t| t.scenario == id)
}

/// Where a running tour stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TourState {
    /// The tour.
    pub tour: &'static Tour,
    /// Index of the step shown.
    pub step: usize,
}

impl TourState {
    /// The step shown, if the index is in range.
    pub fn current(&self) -> Option<&'static TourStep> {
        self.tour.steps.get(self.step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::cluster::Cluster;
    use crate::sim::scenario;

    #[test]
    fn every_tour_step_runs_in_its_scenario_without_command_not_found() {
        for s in scenario::all() {
            let tour = tour_for(s.id).unwrap();
            let mut c = Cluster::with_scenario(s.id).unwrap();
            for st in tour.steps {
                if let Some((term, line)) = st.run {
                    let r = if term == "kubectl" {
                        c.run_kubectl_line(line)
                    } else {
                        c.run_in_container(term, line)
                    };
                    assert!(
                        !r.text.contains("command not found"),
                        "{}: {line}: {}",
                        s.id,
                        r.text
                    );
                    assert!(
                        r.status == Some(0) || line.ends_with(":8080"),
                        "{}: {line}: {}",
                        s.id,
                        r.text
                    );
                }
            }
        }
    }
}
