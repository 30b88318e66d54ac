//! The inode store, the namespaces and volumes, and path resolution through mounts and symlinks.

use std::collections::BTreeMap;

pub(crate) use super::lookup::steps_path;
use super::path::{components, join, split_last};
use super::{FsError, FsErrorKind, Ino, MountInfo, NodeContent};

/// First inode number of the first volume; each later volume starts `TREE_SPAN` further.
const VOLUME_INO_BASE: Ino = 1_048_577;
/// First inode number of the first namespace's image tree.
const IMAGE_INO_BASE: Ino = 2_621_441;
/// Inode numbers reserved per tree before ranges would overlap (collisions are still skipped).
const TREE_SPAN: Ino = 131_072;
/// Size `stat` reports for a directory.
pub(crate) const DIR_SIZE: u64 = 4096;

/// Which tree an inode belongs to: a namespace's image layer or a volume.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum TreeId {
    /// The root tree of the namespace with this name.
    Image(String),
    /// The volume with this name.
    Volume(String),
}

/// The payload of an inode.
#[derive(Debug, Clone)]
pub(crate) enum Data {
    /// File bytes.
    File(Vec<u8>),
    /// Directory entries, by name.
    Dir(BTreeMap<String, Ino>),
    /// Symlink target.
    Symlink(String),
}

/// One inode.
#[derive(Debug, Clone)]
pub(crate) struct Inode {
    pub(crate) data: Data,
    pub(crate) mode: u32,
    pub(crate) uid: u32,
    pub(crate) gid: u32,
    pub(crate) mtime_ms: u64,
    /// The directory holding it (itself for a tree root).
    pub(crate) parent: Ino,
    pub(crate) tree: TreeId,
}

/// A volume mounted into a namespace.
#[derive(Debug, Clone)]
pub(crate) struct Mount {
    /// Canonical mount point.
    pub(crate) target: String,
    pub(crate) volume: String,
    /// Root of what is mounted: the volume root or its `subPath` directory.
    pub(crate) root: Ino,
    pub(crate) read_only: bool,
}

/// One container's mount namespace.
#[derive(Debug, Clone)]
pub(crate) struct Namespace {
    pub(crate) root: Ino,
    pub(crate) mounts: Vec<Mount>,
}

/// An emptyDir volume.
#[derive(Debug, Clone)]
pub(crate) struct Volume {
    pub(crate) root: Ino,
    pub(crate) size_limit: Option<u64>,
}

/// One resolved path component: its name, inode and the mount it was reached through.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    /// The component's name (empty in what `Fs::resolve` returns, which needs none).
    pub(crate) name: String,
    pub(crate) ino: Ino,
    /// Index into the namespace's mounts; `None` on the image layer.
    pub(crate) mount: Option<usize>,
}

/// The whole pod's filesystem state: every inode, namespace and volume.
#[derive(Debug, Clone, Default)]
pub struct Fs {
    pub(crate) inodes: BTreeMap<Ino, Inode>,
    pub(crate) namespaces: BTreeMap<String, Namespace>,
    pub(crate) volumes: BTreeMap<String, Volume>,
    /// Next inode number per tree.
    next_ino: BTreeMap<TreeId, Ino>,
    /// Trees created so far, to give each a distinct inode range.
    trees_created: Ino,
}

impl Fs {
    /// An empty filesystem: no namespaces, no volumes.
    pub fn new() -> Fs {
        Fs::default()
    }

    /// Creates the mount namespace of container `ns` with an empty root `/` (0755 root:root).
    pub fn add_namespace(&mut self, ns: &str) {
        self.remove_namespace(ns);
        let tree = TreeId::Image(ns.to_string());
        self.start_tree(&tree, IMAGE_INO_BASE);
        let root = self.alloc_root(tree, 0);
        self.namespaces.insert(
            ns.to_string(),
            Namespace {
                root,
                mounts: Vec::new(),
            },
        );
    }

    /// Drops a container's namespace and image tree (container gone or restarted); volumes survive.
    pub fn remove_namespace(&mut self, ns: &str) {
        if self.namespaces.remove(ns).is_some() {
            let tree = TreeId::Image(ns.to_string());
            self.inodes.retain(|_, i| i.tree != tree);
            self.next_ino.remove(&tree);
        }
    }

    /// True when container `ns` has a namespace.
    pub fn has_namespace(&self, ns: &str) -> bool {
        self.namespaces.contains_key(ns)
    }

    /// Creates the emptyDir volume `name` (an empty 0777 root, like the kubelet makes it).
    pub fn create_volume(&mut self, name: &str, size_limit: Option<u64>, now_ms: u64) {
        self.delete_volume(name);
        let tree = TreeId::Volume(name.to_string());
        self.start_tree(&tree, VOLUME_INO_BASE);
        let root = self.alloc_root(tree, now_ms);
        if let Some(node) = self.inodes.get_mut(&root) {
            node.mode = 0o777;
        }
        self.volumes
            .insert(name.to_string(), Volume { root, size_limit });
    }

    /// Deletes a volume and its data (pod deleted) and unmounts it everywhere.
    pub fn delete_volume(&mut self, name: &str) {
        if self.volumes.remove(name).is_some() {
            let tree = TreeId::Volume(name.to_string());
            self.inodes.retain(|_, i| i.tree != tree);
            self.next_ino.remove(&tree);
            for ns in self.namespaces.values_mut() {
                ns.mounts.retain(|m| m.volume != name);
            }
        }
    }

    /// Mounts volume `volume` (or its `sub_path` directory, created if missing) at `mount_path`
    /// in namespace `ns`, creating the mount point directory if missing, as the kubelet does.
    pub fn mount_volume(
        &mut self,
        ns: &str,
        volume: &str,
        mount_path: &str,
        read_only: bool,
        sub_path: Option<&str>,
        now_ms: u64,
    ) -> Result<(), FsError> {
        let vol_root = self
            .volumes
            .get(volume)
            .map(|v| v.root)
            .ok_or_else(|| FsError::new(FsErrorKind::NotFound, volume))?;
        let mut root = vol_root;
        for name in sub_path.map(components).into_iter().flatten() {
            root = self.ensure_dir(root, name, 0o755, 0, 0, now_ms, mount_path)?;
        }
        self.install(ns, mount_path, NodeContent::Dir, 0o755, 0, 0, now_ms)
            .or_else(|e| {
                if e.kind == FsErrorKind::AlreadyExists {
                    Ok(0)
                } else {
                    Err(e)
                }
            })?;
        let steps = self.walk(ns, mount_path, true)?;
        let target = steps_path(&steps);
        let namespace = self
            .namespaces
            .get_mut(ns)
            .ok_or_else(|| FsError::new(FsErrorKind::NotFound, mount_path))?;
        namespace.mounts.push(Mount {
            target,
            volume: volume.to_string(),
            root,
            read_only,
        });
        Ok(())
    }

    /// The mounts of namespace `ns`, as `mount` lists them: the root overlay first.
    pub fn mounts(&self, ns: &str) -> Vec<MountInfo> {
        let Some(namespace) = self.namespaces.get(ns) else {
            return Vec::new();
        };
        let mut out = vec![MountInfo {
            source: "overlay".into(),
            target: "/".into(),
            fstype: "overlay".into(),
            read_only: false,
            volume: None,
        }];
        out.extend(namespace.mounts.iter().map(|m| MountInfo {
            source: "/dev/vda1".into(),
            target: m.target.clone(),
            fstype: "ext4".into(),
            read_only: m.read_only,
            volume: Some(m.volume.clone()),
        }));
        out
    }

    /// Creates a node at `path` in `ns` (missing parents as 0755 root dirs), replacing a file or
    /// symlink already there. Bypasses read-only mounts: this is how images are unpacked.
    #[allow(clippy::too_many_arguments)]
    pub fn install(
        &mut self,
        ns: &str,
        path: &str,
        content: NodeContent,
        mode: u32,
        uid: u32,
        gid: u32,
        now_ms: u64,
    ) -> Result<Ino, FsError> {
        let err = |k| FsError::new(k, path);
        let Some((parent_path, name)) = split_last(path) else {
            return Err(err(FsErrorKind::AlreadyExists));
        };
        let mut dir = self
            .walk(ns, "/", true)?
            .last()
            .map(|s| s.ino)
            .unwrap_or_default();
        let mut walked = String::from("/");
        for c in components(&parent_path) {
            walked = join(&walked, c);
            dir = self.walk(ns, &walked, true).map_or_else(
                |_| self.ensure_dir(dir, c, 0o755, 0, 0, now_ms, path),
                |s| Ok(s.last().map(|s| s.ino).unwrap_or(dir)),
            )?;
        }
        let existing = self.dir_entry(dir, &name);
        if let Some(old) = existing {
            match (&content, self.inodes.get(&old).map(|n| &n.data)) {
                (NodeContent::Dir, Some(Data::Dir(_))) => {
                    return Err(err(FsErrorKind::AlreadyExists))
                }
                (_, Some(Data::Dir(_))) => return Err(err(FsErrorKind::IsADirectory)),
                _ => self.unlink_entry(dir, &name),
            }
        }
        let data = match content {
            NodeContent::File(b) => Data::File(b),
            NodeContent::Dir => Data::Dir(BTreeMap::new()),
            NodeContent::Symlink(t) => Data::Symlink(t),
        };
        self.link_new(dir, &name, data, mode, uid, gid, now_ms)
            .ok_or_else(|| err(FsErrorKind::NotADirectory))
    }

    /// Gives `tree` the next free inode range starting at `base`.
    fn start_tree(&mut self, tree: &TreeId, base: Ino) {
        let first = base.saturating_add(self.trees_created.saturating_mul(TREE_SPAN));
        self.trees_created = self.trees_created.saturating_add(1);
        self.next_ino.insert(tree.clone(), first);
    }

    /// Allocates a root directory inode of `tree`.
    fn alloc_root(&mut self, tree: TreeId, now_ms: u64) -> Ino {
        let ino = self.alloc(&tree);
        let node = Inode {
            data: Data::Dir(BTreeMap::new()),
            mode: 0o755,
            uid: 0,
            gid: 0,
            mtime_ms: now_ms,
            parent: ino,
            tree,
        };
        self.inodes.insert(ino, node);
        ino
    }

    /// The next unused inode number of `tree`.
    fn alloc(&mut self, tree: &TreeId) -> Ino {
        let mut ino = self.next_ino.get(tree).copied().unwrap_or(IMAGE_INO_BASE);
        while self.inodes.contains_key(&ino) {
            ino = ino.saturating_add(1);
        }
        self.next_ino.insert(tree.clone(), ino.saturating_add(1));
        ino
    }

    /// The directory `name` in `dir`, created (0755 `uid:gid`) if missing.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn ensure_dir(
        &mut self,
        dir: Ino,
        name: &str,
        mode: u32,
        uid: u32,
        gid: u32,
        now_ms: u64,
        path: &str,
    ) -> Result<Ino, FsError> {
        match self.dir_entry(dir, name) {
            Some(ino) if matches!(self.inodes.get(&ino).map(|n| &n.data), Some(Data::Dir(_))) => {
                Ok(ino)
            }
            Some(_) => Err(FsError::new(FsErrorKind::NotADirectory, path)),
            None => self
                .link_new(
                    dir,
                    name,
                    Data::Dir(BTreeMap::new()),
                    mode,
                    uid,
                    gid,
                    now_ms,
                )
                .ok_or_else(|| FsError::new(FsErrorKind::NotADirectory, path)),
        }
    }

    /// The inode `name` refers to in directory `dir`.
    pub(crate) fn dir_entry(&self, dir: Ino, name: &str) -> Option<Ino> {
        match self.inodes.get(&dir).map(|n| &n.data) {
            Some(Data::Dir(entries)) => entries.get(name).copied(),
            _ => None,
        }
    }

    /// Creates a new inode in `dir`'s tree and links it as `name`; `None` if `dir` is no directory.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn link_new(
        &mut self,
        dir: Ino,
        name: &str,
        data: Data,
        mode: u32,
        uid: u32,
        gid: u32,
        now_ms: u64,
    ) -> Option<Ino> {
        let tree = self.inodes.get(&dir)?.tree.clone();
        if !matches!(self.inodes.get(&dir)?.data, Data::Dir(_)) {
            return None;
        }
        let ino = self.alloc(&tree);
        self.inodes.insert(
            ino,
            Inode {
                data,
                mode,
                uid,
                gid,
                mtime_ms: now_ms,
                parent: dir,
                tree,
            },
        );
        if let Some(Inode {
            data: Data::Dir(entries),
            mtime_ms,
            ..
        }) = self.inodes.get_mut(&dir)
        {
            entries.insert(name.to_string(), ino);
            *mtime_ms = now_ms;
        }
        Some(ino)
    }

    /// Removes entry `name` from `dir` and frees the inode (and, for a directory, its subtree).
    pub(crate) fn unlink_entry(&mut self, dir: Ino, name: &str) {
        let removed = match self.inodes.get_mut(&dir) {
            Some(Inode {
                data: Data::Dir(entries),
                ..
            }) => entries.remove(name),
            _ => None,
        };
        let mut stack: Vec<Ino> = removed.into_iter().collect();
        while let Some(ino) = stack.pop() {
            if let Some(Inode {
                data: Data::Dir(entries),
                ..
            }) = self.inodes.remove(&ino)
            {
                stack.extend(entries.values().copied());
            }
        }
    }
}
