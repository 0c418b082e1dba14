//! Gaps between jobs: more than six months between the end of one job and
//! the start of the next. Overlapping jobs are fine, and nothing after an
//! ongoing job can leave a gap. A year alone counts as all of its months:
//! a job ending `2016` and the next starting `2017` leave no gap.

use crate::diagnostic::Diagnostic;
use crate::model::date::{Date, EndDate};
use crate::model::load::SpanIndex;
use crate::model::types::Resume;

/// The longest gap between jobs, in months, that goes without a warning.
pub const MAX_GAP_MONTHS: u32 = 6;

/// A stretch without a job: between the end of `earlier` and the start of `later`.
#[derive(Debug, PartialEq, Eq)]
pub struct Gap {
    /// Index of the job that ended.
    pub earlier: usize,
    /// Index of the next job to start.
    pub later: usize,
    /// Whole months with no job in between.
    pub months: u32,
}

/// Every gap longer than [`MAX_GAP_MONTHS`] in a list of `(start, end)` periods, in any order.
pub fn gaps(periods: &[(Date, EndDate)]) -> Vec<Gap> {
    let mut order: Vec<usize> = (0..periods.len()).collect();
    order.sort_by_key(|&i| periods[i].0.first_month());
    let mut found = Vec::new();
    // The job that, of those started so far, ends last.
    let mut covered: Option<(usize, EndDate)> = None;
    for i in order {
        let (start, end) = periods[i];
        if let Some((earlier, EndDate::Date(until))) = covered {
            let months = start.first_month().saturating_sub(until.last_month() + 1);
            if months > MAX_GAP_MONTHS {
                found.push(Gap {
                    earlier,
                    later: i,
                    months,
                });
            }
        }
        covered = match (covered, end) {
            (Some((_, EndDate::Present)), _) => covered,
            (Some((_, EndDate::Date(until))), EndDate::Date(ends))
                if until.last_month() >= ends.last_month() =>
            {
                covered
            }
            _ => Some((i, end)),
        };
    }
    found
}

/// A warning at the start of each job that follows a long gap.
pub fn check(resume: &Resume, spans: &SpanIndex) -> Vec<Diagnostic> {
    // Jobs without both dates say nothing about gaps (validation warns about them).
    let (jobs, periods): (Vec<usize>, Vec<(Date, EndDate)>) = (resume.experience.iter())
        .enumerate()
        .filter_map(|(i, job)| Some((i, (job.start?, job.end?))))
        .unzip();
    let locale = resume.locale();
    gaps(&periods)
        .into_iter()
        .map(|gap| {
            let (earlier, later) = (jobs[gap.earlier], jobs[gap.later]);
            Diagnostic::warning(format!(
                "{} months without a job: {} ended in {} and {} started in {}",
                gap.months,
                resume.experience[earlier].company,
                locale.end(periods[gap.earlier].1),
                resume.experience[later].company,
                locale.date(periods[gap.later].0)
            ))
            .at(spans.value(&["experience", &later.to_string(), "start"]))
            .help(format!(
                "gaps over {MAX_GAP_MONTHS} months draw questions: say what you did in between, or check the dates"
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(start: &str, end: &str) -> (Date, EndDate) {
        (Date::parse(start).unwrap(), EndDate::parse(end).unwrap())
    }

    #[test]
    fn counts_the_months_strictly_between_jobs() {
        // Newest first, as résumés list them: May–Dec 2019 is eight months.
        let periods = [period("2020-01", "present"), period("2016-03", "2019-04")];
        assert_eq!(
            gaps(&periods),
            [Gap {
                earlier: 1,
                later: 0,
                months: 8
            }]
        );
    }

    #[test]
    fn six_months_and_back_to_back_jobs_are_fine() {
        let periods = [period("2019-11", "present"), period("2016-03", "2019-04")];
        assert_eq!(gaps(&periods), []);
        let periods = [period("2023-04", "present"), period("2018-06", "2023-04")];
        assert_eq!(gaps(&periods), []);
    }

    #[test]
    fn overlaps_and_ongoing_jobs_cover_later_starts() {
        // A long job spans a short one and the gap after it.
        let periods = [
            period("2010-01", "2020-12"),
            period("2012-01", "2012-06"),
            period("2015-01", "2021-01"),
        ];
        assert_eq!(gaps(&periods), []);
        let periods = [period("2010-01", "present"), period("2020-01", "2020-02")];
        assert_eq!(gaps(&periods), []);
    }

    #[test]
    fn the_gap_runs_from_the_latest_end() {
        let periods = [
            period("2010-01", "2014-12"),
            period("2012-01", "2012-06"),
            period("2016-01", "2018-01"),
        ];
        assert_eq!(
            gaps(&periods),
            [Gap {
                earlier: 0,
                later: 2,
                months: 12
            }]
        );
    }

    #[test]
    fn years_alone_cover_their_months() {
        let periods = [period("2017", "present"), period("2012", "2016")];
        assert_eq!(gaps(&periods), []);
        let periods = [period("2018-08", "present"), period("2012", "2017")];
        assert_eq!(
            gaps(&periods),
            [Gap {
                earlier: 1,
                later: 0,
                months: 7
            }]
        );
    }
}
