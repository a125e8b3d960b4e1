//! Where a trap came from, for the one message an engine gives to two kinds.
//!
//! SpiderMonkey reports an out-of-bounds memory access and an out-of-bounds
//! `call_indirect` (or `table.fill`/`copy`/`init`) alike: "index out of
//! bounds". Its error stack does name the trapping instruction, as
//! `wasm-function[N]:0xOFFSET` (module-relative). So on SpiderMonkey every
//! module's table-access instructions are recorded at `Module::new` (one pass
//! over its code), each store keeps those of the modules instantiated in it,
//! and such a trap is a table trap exactly when it happened at one of them.
//! Other engines word the two kinds differently and record nothing.

use pyo3::prelude::*;
use wasmparser::{Operator, Parser, Payload};

/// A function index and a module-relative byte offset.
type Site = (u32, u32);

/// The table-access instructions of one module, sorted. A store keeps those
/// of every module instantiated in it, so a trap in any of its code is
/// classified while the store lives.
#[derive(Debug, Default)]
pub(crate) struct TableSites(Box<[Site]>);

impl TableSites {
    /// The table-access instructions of `bytes` (a module that compiled, so
    /// it parses; a parse error just leaves sites out).
    pub(crate) fn scan(bytes: &[u8]) -> Self {
        let mut sites = scan(bytes);
        sites.sort_unstable();
        Self(sites.into_boxed_slice())
    }

    /// Whether the trap at `location` (`"N:OFFSET"`, as `describeError`
    /// reports the innermost Wasm frame, offset in hex) is one of these.
    pub(crate) fn contains(&self, location: &str) -> bool {
        parse_location(location).is_some_and(|site| self.0.binary_search(&site).is_ok())
    }
}

fn parse_location(location: &str) -> Option<Site> {
    let (function, offset) = location.split_once(':')?;
    Some((function.parse().ok()?, u32::from_str_radix(offset, 16).ok()?))
}

/// The `(function index, offset)` of each instruction in `bytes` that can
/// trap with a table index out of bounds. A module without tables has none
/// (its code is not read), and a function body without any of the table
/// instructions' opcode bytes is not decoded.
fn scan(bytes: &[u8]) -> Vec<Site> {
    let mut sites = Vec::new();
    let mut function = 0u32;
    let mut has_table = false;
    for payload in Parser::new(0).parse_all(bytes) {
        match payload {
            Ok(Payload::ImportSection(imports)) => {
                for import in imports.into_imports().flatten() {
                    match import.ty {
                        wasmparser::TypeRef::Func(_) | wasmparser::TypeRef::FuncExact(_) => function += 1,
                        wasmparser::TypeRef::Table(_) => has_table = true,
                        _ => {}
                    }
                }
            }
            Ok(Payload::TableSection(tables)) => has_table |= tables.count() > 0,
            Ok(Payload::CodeSectionStart { .. }) if !has_table => break,
            Ok(Payload::CodeSectionEntry(body)) => {
                let may_access_tables = body.as_bytes().iter().any(|b| TABLE_OPCODES.contains(b));
                if may_access_tables && let Ok(mut reader) = body.get_operators_reader() {
                    while !reader.eof() {
                        let Ok((op, offset)) = reader.read_with_offset() else { break };
                        if is_table_op(&op) {
                            sites.push((function, offset as u32));
                        }
                    }
                }
                function += 1;
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    sites
}

/// The first byte of every instruction [`is_table_op`] accepts:
/// `call_indirect`, `return_call_indirect`, `table.get`, `table.set` and the
/// `0xfc` prefix of `table.init`/`copy`/`fill`.
const TABLE_OPCODES: [u8; 5] = [0x11, 0x13, 0x25, 0x26, 0xfc];

fn is_table_op(op: &Operator<'_>) -> bool {
    matches!(
        op,
        Operator::CallIndirect { .. }
            | Operator::ReturnCallIndirect { .. }
            | Operator::TableFill { .. }
            | Operator::TableCopy { .. }
            | Operator::TableInit { .. }
            | Operator::TableGet { .. }
            | Operator::TableSet { .. }
    )
}

/// Whether this engine words memory and table bounds traps alike (SpiderMonkey
/// does), found out once by trapping a tiny module (`Portable.boundsTrapsAlike`).
pub(crate) fn engine_needs_sites(py: Python<'_>) -> bool {
    static NEEDED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *NEEDED.get_or_init(|| {
        crate::boundary::Portable::bounds_traps_alike(py).unwrap_or(false)
    })
}

#[cfg(test)]
mod tests {
    use super::TableSites;

    #[test]
    fn finds_the_table_accesses_and_nothing_else() {
        let bytes = wat::parse_str(
            r#"(module
                 (import "env" "f" (func))
                 (type $v (func)) (table 1 funcref) (memory 1)
                 (func (result i32) i32.const 0 i32.load)
                 (func i32.const 5 call_indirect (type $v))
                 (func i32.const 1 ref.null func i32.const 5 table.fill 0))"#,
        )
        .unwrap();
        let sites = TableSites::scan(&bytes);
        // Function 1 (after the import) loads; 2 and 3 access the table, each
        // in its third byte (`i32.const 5` takes two).
        let body_start = |n: usize| {
            let code = wasmparser::Parser::new(0)
                .parse_all(&bytes)
                .filter_map(|p| match p {
                    Ok(wasmparser::Payload::CodeSectionEntry(body)) => Some(body.get_operators_reader().unwrap().original_position()),
                    _ => None,
                })
                .nth(n)
                .unwrap();
            code as u32
        };
        assert_eq!(sites.0.len(), 2, "{:x?}", sites.0);
        assert!(sites.contains(&format!("2:{:x}", body_start(1) + 2)));
        assert!(!sites.contains(&format!("1:{:x}", body_start(0) + 2)));
        assert!(!sites.contains("garbage"));
    }

    #[test]
    fn a_module_without_tables_has_no_sites() {
        // `call_indirect` needs a table; without one, even a body holding its
        // opcode byte as an immediate (`i32.const 17`) records nothing.
        let bytes = wat::parse_str(r#"(module (func (result i32) i32.const 17) (func (result i32) i32.const 0x25))"#).unwrap();
        assert!(TableSites::scan(&bytes).0.is_empty());
    }

    #[test]
    fn bodies_with_table_opcode_bytes_as_immediates_are_decoded_exactly() {
        // `i32.const 17` holds 0x11 (`call_indirect`'s opcode) as an immediate:
        // the body is decoded, and only the real `call_indirect` is a site.
        let bytes = wat::parse_str(
            r#"(module (type $v (func)) (table 1 funcref)
                 (func (result i32) i32.const 17)
                 (func i32.const 0 call_indirect (type $v)))"#,
        )
        .unwrap();
        let sites = TableSites::scan(&bytes);
        assert_eq!(sites.0.len(), 1, "{:x?}", sites.0);
        assert_eq!(sites.0[0].0, 1);
    }
}
