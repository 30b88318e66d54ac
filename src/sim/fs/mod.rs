//! The virtual filesystem of the pod: inodes, directories, regular files and symlinks, one mount
//! namespace per container, and emptyDir volumes mounted on top of the image trees.
//!
//! A volume is one inode tree shared by every namespace that mounts it, so a write through one
//! mount is visible at every other mount with the same inode number: the lesson the UI animates.
//! Paths given to [`Fs`] are absolute; callers join them with [`normalize`] first. Failures are
//! [`FsError`] values whose `Display` is the `path: strerror` text the programs print.
//!
//! May use: std only (no clock: every mutation takes the sim time `now_ms`).

mod attrs;
mod error;
mod lookup;
mod ops;
mod path;
mod tree;

// Native only: the suite uses proptest, which does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use error::{FsError, FsErrorKind};
pub use path::normalize;
pub use tree::Fs;

/// Linux's `PATH_MAX`: a path of this many bytes or more fails with `ENAMETOOLONG`. It also
/// bounds how deep a single line can build a tree (`mkdir -p a/a/a/…`).
pub const PATH_MAX: usize = 4096;
/// Linux's `NAME_MAX` (ext4 and tmpfs): the longest name a directory entry can have, in bytes.
pub const NAME_MAX: usize = 255;

/// An inode number, unique across the whole pod.
pub type Ino = u64;

/// What kind of node an inode is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A regular file.
    File,
    /// A directory.
    Dir,
    /// A symbolic link.
    Symlink,
}

/// What `stat(2)` reports about a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    /// Inode number: equal through every mount of a volume.
    pub ino: Ino,
    /// File, directory or symlink.
    pub kind: NodeKind,
    /// Permission bits, e.g. `0o644`.
    pub mode: u32,
    /// Owner user id.
    pub uid: u32,
    /// Owner group id.
    pub gid: u32,
    /// Bytes for files, 4096 for directories, target length for symlinks.
    pub size: u64,
    /// Last modification, in ms of sim time.
    pub mtime_ms: u64,
    /// Hard links: 1 for files and symlinks, 2 + subdirectories for directories.
    pub nlink: u32,
}

/// Whether a write replaces a file's content (`>`) or adds to it (`>>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// `O_TRUNC`: the file is emptied first.
    Truncate,
    /// `O_APPEND`: bytes go to the end.
    Append,
}

/// What a successful write did, for the `FileWritten` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteInfo {
    /// Inode written.
    pub ino: Ino,
    /// Size after the write.
    pub size: u64,
    /// Volume the file lives on, if any.
    pub volume: Option<String>,
    /// True when the file did not exist before.
    pub created: bool,
}

/// One line of `mount` (or `/proc/mounts`) inside a container.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountInfo {
    /// Device or pseudo source, e.g. `overlay` or `/dev/vda1`.
    pub source: String,
    /// Mount point inside the container.
    pub target: String,
    /// Filesystem type, e.g. `overlay`, `ext4`.
    pub fstype: String,
    /// Mounted `ro`.
    pub read_only: bool,
    /// The pod volume mounted here, if this is a volume mount.
    pub volume: Option<String>,
}

/// The content given to [`Fs::install`] (how images and the kubelet populate trees).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeContent {
    /// A regular file with these bytes.
    File(Vec<u8>),
    /// An (empty) directory.
    Dir,
    /// A symlink pointing at this target.
    Symlink(String),
}
