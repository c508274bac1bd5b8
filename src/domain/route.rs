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

#[cfg(test)]
mod tests {
    use super::*;

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
