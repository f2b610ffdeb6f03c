//! Exit statuses, grep-like (documented in docs/exit-codes.md).

/// The outcome of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    /// Everything was read; no findings.
    Ok,
    /// `check` found claims below the sourcing threshold.
    Findings,
    /// An input could not be read (the others were processed), or a usage error.
    Error,
}

impl Status {
    /// The process exit code.
    pub(crate) fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Findings => 1,
            Status::Error => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn worst_status_wins() {
        let all = [Status::Ok, Status::Error, Status::Findings];
        assert_eq!(all.iter().max(), Some(&Status::Error));
        assert_eq!(all.map(Status::code), [0, 2, 1]);
    }
}
