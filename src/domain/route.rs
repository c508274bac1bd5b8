//! The app's sections and their hash routes (`#/tong-quan`, …), with what
//! a route holds beyond its section: the assessment open in Tự đánh giá
//! and its tab (`#/tu-danh-gia/<id>/<tab>`).
//!
//! Hash routes keep deep links working from any static server and under any
//! sub-path: the server only ever sees the page itself.

/// One section of the app, as named in the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Tổng quan: the overview and the units this browser works for.
    Overview,
    /// Tự đánh giá: self-assessment against a criteria set.
    SelfAssessment,
    /// Ngày hội: the festival plan.
    Festival,
    /// Tổng hợp: the roll-up of many units' files.
    RollUp,
    /// Dữ liệu: import, export and backup.
    Data,
    /// Hướng dẫn: help.
    Help,
}

impl Section {
    /// Every section, in the order the navigation shows them.
    pub const ALL: [Section; 6] = [
        Section::Overview,
        Section::SelfAssessment,
        Section::Festival,
        Section::RollUp,
        Section::Data,
        Section::Help,
    ];

    /// The path segment after `#/`.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Overview => "tong-quan",
            Section::SelfAssessment => "tu-danh-gia",
            Section::Festival => "ngay-hoi",
            Section::RollUp => "tong-hop",
            Section::Data => "du-lieu",
            Section::Help => "huong-dan",
        }
    }

    /// The `href` of a link to this section: relative, so it works under any sub-path.
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }
}

/// Where the address points: a section, and for Tự đánh giá the place in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Overview,
    SelfAssessment(AssessmentPlace),
    Festival,
    RollUp,
    Data,
    Help,
}

impl Route {
    /// Reads a `location.hash` value (`""`, `"#"`, `"#/tu-danh-gia"`,
    /// `"#/tu-danh-gia/a-1/bao-cao?x=1"`). Anything unknown is the overview,
    /// so a stale or mistyped link still opens the app; in Tự đánh giá, an
    /// unknown tab is the form.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or_default();
        let mut parts = path.split('/');
        let first = parts.next().unwrap_or_default().to_ascii_lowercase();
        let section = Section::ALL
            .into_iter()
            .find(|section| section.slug() == first)
            .unwrap_or(Section::Overview);
        match section {
            Section::SelfAssessment => {
                let open = parts.next().filter(|id| !id.is_empty()).map(str::to_owned);
                let tab = parts
                    .next()
                    .and_then(|slug| AssessmentTab::ALL.into_iter().find(|t| t.slug() == slug))
                    .filter(|_| open.is_some())
                    .unwrap_or(AssessmentTab::Form);
                Route::SelfAssessment(AssessmentPlace { open, tab })
            }
            other => Route::from(other),
        }
    }

    /// The hash that opens this route.
    pub fn hash(&self) -> String {
        match self {
            Route::SelfAssessment(AssessmentPlace {
                open: Some(id),
                tab,
            }) => format!("{}/{id}/{}", Section::SelfAssessment.href(), tab.slug()),
            other => other.section().href(),
        }
    }

    /// The section the route opens.
    pub fn section(&self) -> Section {
        match self {
            Route::Overview => Section::Overview,
            Route::SelfAssessment(_) => Section::SelfAssessment,
            Route::Festival => Section::Festival,
            Route::RollUp => Section::RollUp,
            Route::Data => Section::Data,
            Route::Help => Section::Help,
        }
    }
}

impl From<Section> for Route {
    /// The section as its link in the navigation opens it.
    fn from(section: Section) -> Route {
        match section {
            Section::Overview => Route::Overview,
            Section::SelfAssessment => Route::SelfAssessment(AssessmentPlace::default()),
            Section::Festival => Route::Festival,
            Section::RollUp => Route::RollUp,
            Section::Data => Route::Data,
            Section::Help => Route::Help,
        }
    }
}

/// The tabs of an open assessment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AssessmentTab {
    #[default]
    Form,
    Gaps,
    History,
    Report,
}

impl AssessmentTab {
    /// Every tab, in the order the assessment shows them.
    pub const ALL: [AssessmentTab; 4] = [
        AssessmentTab::Form,
        AssessmentTab::Gaps,
        AssessmentTab::History,
        AssessmentTab::Report,
    ];

    /// The path segment after the assessment's id.
    pub fn slug(self) -> &'static str {
        match self {
            AssessmentTab::Form => "bieu-mau",
            AssessmentTab::Gaps => "khac-phuc",
            AssessmentTab::History => "cac-nam",
            AssessmentTab::Report => "bao-cao",
        }
    }
}

/// Where Tự đánh giá stands: the assessment open, if any, and its tab, so
/// a link or a reload opens it again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssessmentPlace {
    pub open: Option<String>,
    pub tab: AssessmentTab,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(open: Option<&str>, tab: AssessmentTab) -> Route {
        Route::SelfAssessment(AssessmentPlace {
            open: open.map(str::to_owned),
            tab,
        })
    }

    #[test]
    fn an_assessment_and_its_tab_round_trip_through_the_hash() {
        for tab in AssessmentTab::ALL {
            let route = place(Some("a-123"), tab);
            assert_eq!(Route::from_hash(&route.hash()), route);
            assert_eq!(route.section(), Section::SelfAssessment);
        }
        let none = place(None, AssessmentTab::Form);
        assert_eq!(none.hash(), "#/tu-danh-gia");
        assert_eq!(Route::from_hash(&none.hash()), none);
        assert_eq!(Route::from(Section::SelfAssessment), none);
    }

    #[test]
    fn an_unknown_tab_is_the_form_and_no_id_opens_nothing() {
        assert_eq!(
            Route::from_hash("#/tu-danh-gia/a-1/khong-co"),
            place(Some("a-1"), AssessmentTab::Form)
        );
        assert_eq!(
            Route::from_hash("#/TU-DANH-GIA/a-1/bao-cao?x=1"),
            place(Some("a-1"), AssessmentTab::Report)
        );
        for hash in [
            "#/tu-danh-gia//bao-cao",
            "#/tu-danh-gia",
            "#/tu-danh-gia/?x=1",
        ] {
            assert_eq!(
                Route::from_hash(hash),
                place(None, AssessmentTab::Form),
                "{hash:?}"
            );
        }
        // Another section's sub-path opens that section, nothing more.
        assert_eq!(Route::from_hash("#/tong-hop/a-1/bao-cao"), Route::RollUp);
    }

    #[test]
    fn tab_slugs_are_unique() {
        let mut slugs: Vec<_> = AssessmentTab::ALL.iter().map(|t| t.slug()).collect();
        crate::support::order::sort(&mut slugs);
        slugs.dedup();
        assert_eq!(slugs.len(), AssessmentTab::ALL.len());
    }

    #[test]
    fn every_section_round_trips_through_its_href() {
        for section in Section::ALL {
            let route = Route::from_hash(&section.href());
            assert_eq!(route.section(), section);
            assert_eq!(route, Route::from(section));
            assert_eq!(route.hash(), section.href());
        }
    }

    #[test]
    fn empty_and_unknown_hashes_open_the_overview() {
        for hash in ["", "#", "#/", "#/khong-co", "#tong-hop-x", "tong"] {
            assert_eq!(Route::from_hash(hash), Route::Overview, "{hash:?}");
        }
    }

    #[test]
    fn sub_paths_queries_and_case_are_tolerated() {
        assert_eq!(Route::from_hash("#/ngay-hoi/2025"), Route::Festival);
        assert_eq!(Route::from_hash("#/du-lieu?tab=import"), Route::Data);
        assert_eq!(Route::from_hash("#/HUONG-DAN"), Route::Help);
        assert_eq!(Route::from_hash("tong-hop"), Route::RollUp);
    }

    #[test]
    fn slugs_are_unique() {
        let mut slugs: Vec<_> = Section::ALL.iter().map(|r| r.slug()).collect();
        crate::support::order::sort(&mut slugs);
        slugs.dedup();
        assert_eq!(slugs.len(), Section::ALL.len());
    }
}
