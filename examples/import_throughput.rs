//! The native import pipeline's throughput, for `make bench`: reads a file
//! through `read_file` and the preview ten times and prints MiB/s.

use std::time::Instant;

use antq::domain::Workspace;
use antq::format::exchange::read_file;
use antq::format::merge::preview;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: import_throughput FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).expect("a readable file");
    let builtin = antq::catalog::builtin_sets();
    let empty = Workspace::new();
    let mut times = Vec::new();
    for _ in 0..11 {
        let start = Instant::now();
        let incoming = read_file(&text).expect("the benchmark file reads");
        std::hint::black_box(preview(&empty, &builtin, &incoming));
        times.push(start.elapsed().as_secs_f64());
    }
    times.remove(0);
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "native pipeline: {:.1} ms, {:.0} MiB/s",
        median * 1000.0,
        text.len() as f64 / 1_048_576.0 / median
    );
}
