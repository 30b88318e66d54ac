//! Filesystem errors: an errno-like kind plus the path the caller named.

use std::fmt;

/// The errno of a failed filesystem call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsErrorKind {
    /// `ENOENT`.
    NotFound,
    /// `ENOTDIR`.
    NotADirectory,
    /// `EISDIR`.
    IsADirectory,
    /// `EEXIST`.
    AlreadyExists,
    /// `ENOTEMPTY`.
    DirectoryNotEmpty,
    /// `EROFS`: the mount is read-only.
    ReadOnlyFs,
    /// `ENOSPC`: the volume's size limit is reached.
    NoSpace,
    /// `EACCES`.
    PermissionDenied,
    /// `EINVAL`.
    InvalidArgument,
    /// `ELOOP`: more than 40 symlinks on the way.
    SymlinkLoop,
    /// `EBUSY`: e.g. removing a mount point.
    Busy,
    /// `EXDEV`: rename across mounts.
    CrossDevice,
    /// `ENAMETOOLONG`: a path of [`super::PATH_MAX`] bytes or more, or a name longer than
    /// [`super::NAME_MAX`].
    NameTooLong,
}

impl FsErrorKind {
    /// The message glibc's `strerror` gives for this errno.
    pub fn strerror(self) -> &'static str {
        match self {
            FsErrorKind::NotFound => "No such file or directory",
            FsErrorKind::NotADirectory => "Not a directory",
            FsErrorKind::IsADirectory => "Is a directory",
            FsErrorKind::AlreadyExists => "File exists",
            FsErrorKind::DirectoryNotEmpty => "Directory not empty",
            FsErrorKind::ReadOnlyFs => "Read-only file system",
            FsErrorKind::NoSpace => "No space left on device",
            FsErrorKind::PermissionDenied => "Permission denied",
            FsErrorKind::InvalidArgument => "Invalid argument",
            FsErrorKind::SymlinkLoop => "Too many levels of symbolic links",
            FsErrorKind::Busy => "Device or resource busy",
            FsErrorKind::CrossDevice => "Invalid cross-device link",
            FsErrorKind::NameTooLong => "File name too long",
        }
    }
}

/// A failed filesystem call: what went wrong and on which path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FsError {
    /// The errno.
    pub kind: FsErrorKind,
    /// The path as the caller gave it.
    pub path: String,
}

impl FsError {
    /// An error of `kind` about `path`.
    pub fn new(kind: FsErrorKind, path: &str) -> Self {
        FsError {
            kind,
            path: path.to_string(),
        }
    }
}

impl fmt::Display for FsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind.strerror())
    }
}

impl std::error::Error for FsError {}
