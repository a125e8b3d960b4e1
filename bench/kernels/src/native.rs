//! The kernels natively: prints one JSON object, `{"name": ns_per_round, ...}`
//! (the best of several runs of `ROUNDS` rounds), for the bench report.

use std::time::Instant;

const ROUNDS: u32 = 2_000_000;
const RUNS: usize = 7;

fn main() {
    let mut fields = Vec::new();
    for (name, kernel) in rtl_kernels::KERNELS {
        let best = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(kernel(ROUNDS));
                start.elapsed().as_nanos() as f64 / f64::from(ROUNDS)
            })
            .fold(f64::INFINITY, f64::min);
        fields.push(format!("{name:?}: {best:.3}"));
    }
    println!("{{{}}}", fields.join(", "));
}
