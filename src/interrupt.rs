//! Interrupted builds leave nothing behind.
//!
//! Ordinary cleanup is done by destructors: a staged output and a
//! half-unpacked font cache are `tempfile` values that
//! remove themselves when dropped. A signal would skip every destructor, so
//! while such a temp path or a typst child process exists it is also
//! *registered* here, and `resumec build` [`install`]s a handler for SIGINT,
//! SIGTERM and SIGHUP. The handler runs on a signal-hook thread (ordinary
//! code, not a signal context): it kills the process group of every
//! registered child, removes every registered path, and then lets the signal
//! end the process the way it would have, so a shell or `make` sees an
//! interrupted command (status 130 for Ctrl-C, 143 for SIGTERM).
//!
//! A build thread that sees typst die of that kill waits at [`checkpoint`]
//! rather than report typst's death as the build's failure.
//!
//! typst runs in a process group of its own ([`detach`]): a terminal's
//! Ctrl-C reaches resumec alone, which then stops typst and anything typst
//! started, and `kill -INT` sent to resumec alone stops typst just the same.
//!
//! Steps that must not be cut in half run inside [`critical`], and the
//! handler waits for every running one to finish before it cleans up:
//! creating a temp path together with its registration (so a signal never
//! falls between the two and leaks it), and renaming a build's staged
//! outputs into place (so an interrupt leaves either all of the old outputs
//! or all of the new ones). Once the handler has started, no new step
//! begins.
//!
//! SIGKILL cannot be caught; a build killed with it can leave a
//! `.resumec-*.tmp` file in the output directory, never a torn output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock};

/// Held for reading by every critical step, for writing by the handler.
static CRITICAL: RwLock<()> = RwLock::new(());
/// What the handler cleans up, by registration number.
static REGISTRY: Mutex<BTreeMap<u64, Leftover>> = Mutex::new(BTreeMap::new());
static NEXT_REGISTRATION: AtomicU64 = AtomicU64::new(0);

/// Something a build must not leave behind.
enum Leftover {
    /// A temp file or directory.
    Path(PathBuf),
    /// A child process (and its own process group) still running.
    ProcessGroup(u32),
}

/// A registered leftover; dropping it unregisters it.
#[must_use = "the leftover is unregistered as soon as this is dropped"]
pub struct Registration(u64);

impl Drop for Registration {
    fn drop(&mut self) {
        registry().remove(&self.0);
    }
}

fn registry() -> MutexGuard<'static, BTreeMap<u64, Leftover>> {
    REGISTRY.lock().unwrap_or_else(PoisonError::into_inner)
}

fn register(leftover: Leftover) -> Registration {
    let number = NEXT_REGISTRATION.fetch_add(1, Ordering::Relaxed);
    registry().insert(number, leftover);
    Registration(number)
}

/// Registers a running child, whose process group an interrupt kills.
/// Call it inside the [`critical`] step that spawns the child.
pub fn register_child(child: &std::process::Child) -> Registration {
    register(Leftover::ProcessGroup(child.id()))
}

/// Runs `step` to completion before an interrupt's cleanup starts. Steps
/// must be short and must not nest.
pub fn critical<R>(step: impl FnOnce() -> R) -> R {
    let _running = CRITICAL.read().unwrap_or_else(PoisonError::into_inner);
    step()
}

/// A temp file or directory that an interrupt removes too.
///
/// The value is dropped (removing the path) before the registration, so
/// there is no moment when the path exists unregistered.
pub struct Temporary<T> {
    value: T,
    registration: Registration,
}

impl<T> Temporary<T> {
    /// The temp value and its registration, for a critical step that moves
    /// the path into place and only then unregisters it.
    pub fn into_parts(self) -> (T, Registration) {
        (self.value, self.registration)
    }
}

impl<T> std::ops::Deref for Temporary<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// Creates a temp path with `create` and registers it, in one critical step.
pub fn temporary<T: AsRef<Path>>(
    create: impl FnOnce() -> std::io::Result<T>,
) -> std::io::Result<Temporary<T>> {
    critical(|| {
        let value = create()?;
        let registration = register(Leftover::Path(value.as_ref().to_path_buf()));
        Ok(Temporary {
            value,
            registration,
        })
    })
}

/// Returns at once, unless an interrupt is being handled: then it waits for
/// the handler to end the process. A build calls it before reporting, so a
/// failure the interrupt itself caused (typst killed) is never reported.
pub fn checkpoint() {
    critical(|| ());
}

/// Makes `command` start its child in a process group of its own, which
/// [`kill_process_group`] stops as a whole.
pub fn detach(command: &mut std::process::Command) -> &mut std::process::Command {
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
    command
}

/// Kills the process group a [`detach`]ed child leads, grandchildren included.
pub fn kill_process_group(leader: u32) {
    #[cfg(unix)]
    if let Ok(group) = libc::pid_t::try_from(leader) {
        // SAFETY: kill(2) has no memory-safety preconditions; a negative pid
        // names the process group.
        unsafe { libc::kill(-group, libc::SIGKILL) };
    }
    #[cfg(not(unix))]
    let _ = leader;
}

/// Installs the handler that cleans up and ends the process on SIGINT,
/// SIGTERM or SIGHUP. Without it (in library use) those signals end the
/// process at once, as usual; on other platforms it does nothing.
#[cfg(not(unix))]
pub fn install() -> std::io::Result<()> {
    Ok(())
}

/// Installs the handler that cleans up and ends the process on SIGINT,
/// SIGTERM or SIGHUP. Without it (in library use) those signals end the
/// process at once, as usual.
#[cfg(unix)]
pub fn install() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held until the process ends: no critical step starts again.
            let _stopped = CRITICAL.write().unwrap_or_else(PoisonError::into_inner);
            clean_up();
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Kills every registered child, then removes every registered path.
#[cfg(unix)]
fn clean_up() {
    let leftovers = std::mem::take(&mut *registry());
    for leftover in leftovers.values() {
        if let Leftover::ProcessGroup(leader) = leftover {
            kill_process_group(*leader);
        }
    }
    for leftover in leftovers.values() {
        if let Leftover::Path(path) = leftover {
            let _ = match path.is_dir() {
                true => std::fs::remove_dir_all(path),
                false => std::fs::remove_file(path),
            };
        }
    }
}
