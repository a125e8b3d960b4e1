//! What the host engine compiles: a module that needs a proposal the engine
//! lacks is not run. This is decided from the module binary alone, by
//! validating it with the host's feature set before any engine sees it.

use conformance::Proposals;
use wasmparser::{Validator, WasmFeatures};

/// The marker of a module the host engine cannot compile; errors carrying it
/// become [`crate::SkipReason::ProposalNotEnabled`].
pub(crate) const NEEDS_PROPOSAL: &str = "needs a proposal the host engine lacks";

/// The features of an engine, `None` for "everything".
fn features(proposals: Proposals) -> Option<WasmFeatures> {
    match proposals {
        Proposals::All => None,
        Proposals::Node20 => Some(
            WasmFeatures::WASM2
                .union(WasmFeatures::TAIL_CALL)
                .union(WasmFeatures::THREADS)
                .union(WasmFeatures::LEGACY_EXCEPTIONS),
        ),
    }
}

/// Why the host engine cannot compile `bytes`, if it is a valid module that
/// needs a proposal outside `proposals`.
pub(crate) fn missing_proposal(bytes: &[u8], proposals: Proposals) -> Option<String> {
    let host = features(proposals)?;
    let valid_with_everything = Validator::new_with_features(WasmFeatures::all()).validate_all(bytes).is_ok();
    match Validator::new_with_features(host).validate_all(bytes) {
        Err(e) if valid_with_everything => Some(format!("{NEEDS_PROPOSAL}: {e}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extended_const_is_missing_in_node_20_only() {
        let bytes = wat::parse_str("(module (global i32 (i32.add (i32.const 1) (i32.const 2))))").expect("valid WAT");
        assert!(missing_proposal(&bytes, Proposals::Node20).is_some_and(|m| m.starts_with(NEEDS_PROPOSAL)));
        assert_eq!(missing_proposal(&bytes, Proposals::All), None);
        let plain = wat::parse_str("(module (func (result i32) i32.const 1))").expect("valid WAT");
        assert_eq!(missing_proposal(&plain, Proposals::Node20), None);
    }
}
