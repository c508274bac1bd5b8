//! When a tab writes the workspace, so that nothing typed is lost and two
//! tabs never overwrite each other: the autosave's policy as a small state
//! machine. `ui::shell::autosave` tells it what happened (a change, the
//! pause after typing, the page left, the stored save looked at, a write's
//! end) and does what it answers; the timers and the storage stay there,
//! and what another tab's save means for this one is
//! [`super::revision::reconcile`]'s.

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// The workspace changed in this tab.
    Changed,
    /// The pause after typing is over.
    Due,
    /// The page is hidden or left.
    Leaving,
    /// The stored save was looked at (another tab wrote, the page came
    /// back): `differs` when it is not the one this tab holds.
    Stored { differs: bool },
    /// A write ended.
    Written(Written),
}

/// How a write ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    Saved,
    /// Another tab had saved since this tab last read or wrote: nothing
    /// was written.
    Conflict,
    /// The browser refused (full, blocked): said on screen.
    Failed,
}

/// What the autosave does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Nothing,
    /// (Re)start the pause after typing: a write waits.
    Wait,
    /// Write the workspace now, over the save this tab holds.
    Write,
    /// Bring the stored save into this tab before anything is written.
    Reconcile,
}

/// A tab's saving: whether a write waits for the pause after typing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Saver {
    waiting: bool,
}

impl Saver {
    /// Whether a write waits for the pause after typing.
    pub fn waiting(&self) -> bool {
        self.waiting
    }

    /// What to do about `event`. While `suspended` (stored text that could
    /// not be read, nor kept aside, is never written over) nothing is
    /// written.
    pub fn on(&mut self, event: Event, suspended: bool) -> Step {
        match event {
            Event::Changed if suspended => Step::Nothing,
            Event::Changed => {
                self.waiting = true;
                Step::Wait
            }
            // Only what waits is written.
            Event::Due | Event::Leaving => {
                let waited = std::mem::take(&mut self.waiting);
                if waited && !suspended {
                    Step::Write
                } else {
                    Step::Nothing
                }
            }
            Event::Stored { differs: false } => Step::Nothing,
            // Another tab's save first: the merge is a change, written in turn.
            Event::Stored { differs: true } | Event::Written(Written::Conflict) => {
                self.waiting = false;
                Step::Reconcile
            }
            Event::Written(Written::Saved | Written::Failed) => Step::Nothing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(saver: &mut Saver, events: &[Event]) -> Vec<Step> {
        events.iter().map(|e| saver.on(*e, false)).collect()
    }

    #[test]
    fn typing_waits_for_the_pause_and_is_written_once() {
        let mut saver = Saver::default();
        let got = steps(
            &mut saver,
            &[Event::Changed, Event::Changed, Event::Due, Event::Due],
        );
        assert_eq!(got, [Step::Wait, Step::Wait, Step::Write, Step::Nothing]);
        assert!(!saver.waiting());
    }

    #[test]
    fn leaving_the_page_writes_what_waits_and_only_that() {
        let mut saver = Saver::default();
        assert_eq!(saver.on(Event::Leaving, false), Step::Nothing);
        saver.on(Event::Changed, false);
        assert_eq!(saver.on(Event::Leaving, false), Step::Write);
        assert_eq!(saver.on(Event::Due, false), Step::Nothing, "written once");
    }

    #[test]
    fn another_tabs_save_comes_before_any_write_of_this_one() {
        let mut saver = Saver::default();
        saver.on(Event::Changed, false);
        assert_eq!(
            saver.on(Event::Stored { differs: false }, false),
            Step::Nothing
        );
        assert!(saver.waiting(), "the same save: the write still waits");
        assert_eq!(
            saver.on(Event::Stored { differs: true }, false),
            Step::Reconcile
        );
        assert_eq!(
            saver.on(Event::Due, false),
            Step::Nothing,
            "the merge writes"
        );
        // A write that finds another tab's save never goes over it.
        saver.on(Event::Changed, false);
        assert_eq!(saver.on(Event::Due, false), Step::Write);
        assert_eq!(
            saver.on(Event::Written(Written::Conflict), false),
            Step::Reconcile
        );
        assert_eq!(
            saver.on(Event::Written(Written::Saved), false),
            Step::Nothing
        );
        assert_eq!(
            saver.on(Event::Written(Written::Failed), false),
            Step::Nothing
        );
    }

    #[test]
    fn nothing_is_written_while_suspended_and_typing_after_is() {
        let mut saver = Saver::default();
        let suspended: Vec<Step> = [Event::Changed, Event::Due, Event::Leaving]
            .into_iter()
            .map(|e| saver.on(e, true))
            .collect();
        assert_eq!(suspended, [Step::Nothing; 3]);
        let got = steps(&mut saver, &[Event::Changed, Event::Due]);
        assert_eq!(got, [Step::Wait, Step::Write]);
        // Suspended while a write waits: it is not made.
        saver.on(Event::Changed, false);
        assert_eq!(saver.on(Event::Due, true), Step::Nothing);
        assert!(!saver.waiting());
    }
}
