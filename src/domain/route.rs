//! The app's sections and their hash routes (`#/tong-quan`, …).
//!
//! Hash routes keep deep links working from any static server and under any
//! sub-path: the server only ever sees the page itself.

/// One section of the app, as named in the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
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

impl Route {
    /// Every route, in the order the navigation shows them.
    pub const ALL: [Route; 6] = [
        Route::Overview,
        Route::SelfAssessment,
        Route::Festival,
        Route::RollUp,
        Route::Data,
        Route::Help,
    ];

    /// The path segment after `#/`.
    pub fn slug(self) -> &'static str {
        match self {
            Route::Overview => "tong-quan",
            Route::SelfAssessment => "tu-danh-gia",
            Route::Festival => "ngay-hoi",
            Route::RollUp => "tong-hop",
            Route::Data => "du-lieu",
            Route::Help => "huong-dan",
        }
    }

    /// The `href` of a link to this route: relative, so it works under any sub-path.
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// Reads a `location.hash` value (`""`, `"#"`, `"#/tu-danh-gia"`,
    /// `"#/tu-danh-gia/anything-more?x=1"`). Anything unknown is the overview,
    /// so a stale or mistyped link still opens the app.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let first = path
            .split(['/', '?'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Route::ALL
            .into_iter()
            .find(|route| route.slug() == first)
            .unwrap_or(Route::Overview)
    }
}

/// The tabs of an open assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessmentTab {
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

/// Where Tự đánh giá stands: the assessment open, if any, and its tab
/// (`#/tu-danh-gia/<id>/<tab>`), so a link or a reload opens it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssessmentPlace {
    pub open: Option<String>,
    pub tab: AssessmentTab,
}

impl AssessmentPlace {
    /// Reads a `location.hash` value; an unknown tab is the form, and a
    /// hash of another section opens no assessment.
    pub fn from_hash(hash: &str) -> AssessmentPlace {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or_default();
        let mut parts = path.split('/');
        let here = parts
            .next()
            .is_some_and(|first| first.eq_ignore_ascii_case(Route::SelfAssessment.slug()));
        let open = parts
            .next()
            .filter(|id| here && !id.is_empty())
            .map(str::to_owned);
        let tab = parts
            .next()
            .and_then(|slug| AssessmentTab::ALL.into_iter().find(|t| t.slug() == slug))
            .filter(|_| open.is_some())
            .unwrap_or(AssessmentTab::Form);
        AssessmentPlace { open, tab }
    }

    /// The hash that opens this place.
    pub fn hash(&self) -> String {
        match &self.open {
            Some(id) => format!("{}/{id}/{}", Route::SelfAssessment.href(), self.tab.slug()),
            None => Route::SelfAssessment.href(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_assessment_and_its_tab_round_trip_through_the_hash() {
        for tab in AssessmentTab::ALL {
            let place = AssessmentPlace {
                open: Some("a-123".into()),
                tab,
            };
            assert_eq!(AssessmentPlace::from_hash(&place.hash()), place);
            assert_eq!(Route::from_hash(&place.hash()), Route::SelfAssessment);
        }
        let none = AssessmentPlace {
            open: None,
            tab: AssessmentTab::Form,
        };
        assert_eq!(none.hash(), "#/tu-danh-gia");
        assert_eq!(AssessmentPlace::from_hash(&none.hash()), none);
    }

    #[test]
    fn an_unknown_tab_is_the_form_and_another_section_opens_nothing() {
        let place = AssessmentPlace::from_hash("#/tu-danh-gia/a-1/khong-co");
        assert_eq!(
            (place.open.as_deref(), place.tab),
            (Some("a-1"), AssessmentTab::Form)
        );
        let place = AssessmentPlace::from_hash("#/tu-danh-gia/a-1/bao-cao?x=1");
        assert_eq!(
            (place.open.as_deref(), place.tab),
            (Some("a-1"), AssessmentTab::Report)
        );
        for hash in [
            "#/tong-hop/a-1/bao-cao",
            "#/tu-danh-gia//bao-cao",
            "#/tu-danh-gia",
            "",
        ] {
            let place = AssessmentPlace::from_hash(hash);
            assert_eq!(
                (place.open, place.tab),
                (None, AssessmentTab::Form),
                "{hash:?}"
            );
        }
    }

    #[test]
    fn tab_slugs_are_unique() {
        let mut slugs: Vec<_> = AssessmentTab::ALL.iter().map(|t| t.slug()).collect();
        crate::support::order::sort(&mut slugs);
        slugs.dedup();
        assert_eq!(slugs.len(), AssessmentTab::ALL.len());
    }

    #[test]
    fn every_route_round_trips_through_its_href() {
        for route in Route::ALL {
            assert_eq!(Route::from_hash(&route.href()), route);
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
        let mut slugs: Vec<_> = Route::ALL.iter().map(|r| r.slug()).collect();
        crate::support::order::sort(&mut slugs);
        slugs.dedup();
        assert_eq!(slugs.len(), Route::ALL.len());
    }
}
