//! Graphviz runs as a child process (`dot`, started by graphviz-rust). Ctrl-C reaches it
//! through the terminal, but `kill` reaches only srcgraph: [`stop_children_with_us`] makes
//! SIGTERM, SIGINT and SIGHUP stop the children this process started, then end it as the
//! signal would have.

/// From now on, a terminating signal stops this process's children first.
pub(crate) fn stop_children_with_us() {
    #[cfg(unix)]
    unix::install();
}

#[cfg(unix)]
mod unix {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    pub(super) fn install() {
        // Without the handler (no thread could be started), signals act as before.
        let Ok(mut signals) = Signals::new([SIGTERM, SIGINT, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    for child in children() {
                        let _ = std::process::Command::new("kill")
                            .arg(format!("-{signal}"))
                            .arg(child.to_string())
                            .status();
                    }
                    // Die of the signal itself, so the shell sees what happened.
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
    }

    /// The processes whose parent is this one (Linux's `/proc`; none found elsewhere).
    fn children() -> Vec<u32> {
        let me = std::process::id();
        let Ok(dir) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .filter(|&pid| parent_of(pid) == Some(me))
            .collect()
    }

    /// The parent of `pid`: the second field after the command in `/proc/PID/stat` (the
    /// command is in parentheses and may itself hold spaces and parentheses).
    fn parent_of(pid: u32) -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let after = &stat[stat.rfind(')')? + 1..];
        after.split_whitespace().nth(1)?.parse().ok()
    }
}
