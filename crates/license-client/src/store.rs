//! Files that must survive a crash at any moment: the licence file is
//! replaced atomically (write a temporary file beside it, flush it to disk,
//! rename it over the old one, flush the directory), and changes are
//! serialised by an exclusive lock on a lock file beside it.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Replaces `path` with `contents`: afterwards the file holds either the old
/// or the new contents, never a mix, whenever the process or machine stops.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = parent_dir(path);
    let mut temp = tempfile::Builder::new().prefix(".license-").suffix(".tmp").tempfile_in(&dir)?;
    temp.write_all(contents)?;
    // Keep the replaced file's permissions; a new file gets the usual 0644
    // rather than the temporary file's 0600.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(temp.as_file())?,
    };
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(&dir)
}

/// Appends one line and flushes it to disk.
pub fn append_line(path: &Path, line: &str) -> std::io::Result<()> {
    let mut file = OpenOptions::new().create(true).append(true).open(path)?;
    file.write_all(format!("{line}\n").as_bytes())?;
    file.sync_data()
}

/// Holds an exclusive lock on `<licence file>.lock` until dropped, so two
/// processes never change one licence at once.
pub struct LockGuard(#[allow(dead_code)] File);

pub fn lock(path: &Path) -> std::io::Result<LockGuard> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(parent_dir(path).join(name))?;
    file.lock()?;
    Ok(LockGuard(file))
}

pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(unix)]
fn default_permissions(_file: &File) -> std::io::Result<std::fs::Permissions> {
    Ok(std::os::unix::fs::PermissionsExt::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}
