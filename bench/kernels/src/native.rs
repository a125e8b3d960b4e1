//! The kernels natively: prints one JSON object, `{"name": ns_per_round, ...}`
//! (the best of several runs of `ROUNDS` rounds), for the bench report.

const ROUNDS: u32 = 2_000_000;
const RUNS: usize = 7;

fn main() {
    let fields: Vec<String> = rtl_kernels::KERNELS
        .iter()
        .map(|(name, kernel)| format!("{name:?}: {:.3}", rtl_kernels::best_ns_per_round(*kernel, ROUNDS, RUNS)))
        .collect();
    println!("{{{}}}", fields.join(", "));
}
