//! Numeric values crossing the boundary, in both directions: guest exports
//! called by the host, and host functions called by the guest.
//!
//! Wherever possible the other side checks the value with a constant written
//! in the WAT, so a conversion bug cannot cancel itself out on the way back.

use anyhow::{Result, bail};
use wasm_runtime_layer::{Extern, Func, FuncType, Global, Imports, Store, Val, ValType};

use crate::Target;
use crate::check::{ensure_eq, ensure_val, expect_err};
use crate::fixture::{call_export, call_export1, call_i32, func, global, instantiate};

/// `i32` extremes both ways: identity through the guest, the guest's view of
/// the sign, and a host function called by the guest.
pub fn i32_both_ways<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, Vec::<i32>::new());
    let record = Func::new(
        &mut store,
        FuncType::new([ValType::I32], [ValType::I32]),
        |mut ctx, args, results| {
            let Val::I32(v) = args[0] else {
                bail!("host got {:?}", args[0])
            };
            ctx.data_mut().push(v);
            results[0] = Val::I32(v.wrapping_mul(3));
            Ok(())
        },
    );
    let mut imports = Imports::new();
    imports.define("env", "record", Extern::Func(record));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "record" (func $record (param i32) (result i32)))
          (func (export "id") (param i32) (result i32) local.get 0)
          (func (export "is_negative") (param i32) (result i32) local.get 0 i32.const 0 i32.lt_s)
          (func (export "via_host") (param i32) (result i32) local.get 0 call $record)
          (func (export "send_min") (result i32) i32.const -2147483648 call $record)
          (func (export "send_max") (result i32) i32.const 2147483647 call $record))"#,
        &imports,
    )?;
    for v in [i32::MIN, -1, 0, 1, 0x5555_5555, i32::MAX] {
        let got = call_export1(&mut store, &instance, "id", &[Val::I32(v)])?;
        ensure_val(&got, &Val::I32(v), &format!("id({v})"))?;
        let neg = call_i32(&mut store, &instance, "is_negative", &[Val::I32(v)])?;
        ensure_eq(neg, (v < 0) as i32, &format!("guest sign of {v}"))?;
        let got = call_export1(&mut store, &instance, "via_host", &[Val::I32(v)])?;
        ensure_val(
            &got,
            &Val::I32(v.wrapping_mul(3)),
            &format!("via_host({v})"),
        )?;
    }
    store.data_mut().clear();
    call_export(&mut store, &instance, "send_min", &[])?;
    call_export(&mut store, &instance, "send_max", &[])?;
    ensure_eq(
        store.data().as_slice(),
        &[i32::MIN, i32::MAX],
        "values the host received",
    )
}

/// The `i64` values checked: the extremes, and values that a float-based
/// (JS number) conversion would round.
pub const I64_VALUES: [i64; 10] = [
    i64::MIN,
    i64::MIN + 1,
    -(1 << 53) - 1,
    -1,
    0,
    1,
    (1 << 53) + 1,
    0x1234_5678_9abc_def1,
    i64::MAX - 1,
    i64::MAX,
];

/// Guest exports called with every [`I64_VALUES`] value: identity, the
/// guest's view of the high and low halves, and `x + 1` computed by the guest.
pub fn i64_full_range_guest<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(
        &mut store,
        r#"(module
          (func (export "id") (param i64) (result i64) local.get 0)
          (func (export "hi") (param i64) (result i32)
            local.get 0 i64.const 32 i64.shr_u i32.wrap_i64)
          (func (export "lo") (param i64) (result i32) local.get 0 i32.wrap_i64)
          (func (export "inc") (param i64) (result i64) local.get 0 i64.const 1 i64.add))"#,
        &Imports::new(),
    )?;
    for v in I64_VALUES {
        let got = call_export1(&mut store, &instance, "id", &[Val::I64(v)])?;
        ensure_val(&got, &Val::I64(v), &format!("id({v})"))?;
        let hi = call_i32(&mut store, &instance, "hi", &[Val::I64(v)])?;
        ensure_eq(hi, (v >> 32) as i32, &format!("guest high half of {v}"))?;
        let lo = call_i32(&mut store, &instance, "lo", &[Val::I64(v)])?;
        ensure_eq(lo, v as i32, &format!("guest low half of {v}"))?;
        let got = call_export1(&mut store, &instance, "inc", &[Val::I64(v)])?;
        ensure_val(&got, &Val::I64(v.wrapping_add(1)), &format!("inc({v})"))?;
    }
    Ok(())
}

/// Host functions called by the guest with every [`I64_VALUES`] value
/// written as a WAT constant (the host records what it receives), and host
/// functions returning each value to the guest, which compares it with the
/// same constant.
pub fn i64_full_range_host<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, Vec::<i64>::new());
    let record = Func::new(
        &mut store,
        FuncType::new([ValType::I64], []),
        |mut ctx, args, _| {
            let Val::I64(v) = args[0] else {
                bail!("host got {:?}", args[0])
            };
            ctx.data_mut().push(v);
            Ok(())
        },
    );
    let give = Func::new(
        &mut store,
        FuncType::new([ValType::I32], [ValType::I64]),
        |_, args, results| {
            let Val::I32(i) = args[0] else {
                bail!("host got {:?}", args[0])
            };
            results[0] = Val::I64(I64_VALUES[i as usize]);
            Ok(())
        },
    );
    let mut imports = Imports::new();
    imports.define("env", "record", Extern::Func(record));
    imports.define("env", "give", Extern::Func(give));
    let mut text = String::from(
        "(module\n\
         (import \"env\" \"record\" (func $record (param i64)))\n\
         (import \"env\" \"give\" (func $give (param i32) (result i64)))\n",
    );
    for (k, v) in I64_VALUES.iter().enumerate() {
        text += &format!(
            "(func (export \"send{k}\") i64.const {v} call $record)\n\
             (func (export \"check{k}\") (result i32) i32.const {k} call $give i64.const {v} i64.eq)\n"
        );
    }
    text += ")";
    let instance = instantiate(&mut store, &text, &imports)?;
    for (k, v) in I64_VALUES.iter().enumerate() {
        call_export(&mut store, &instance, &format!("send{k}"), &[])?;
        let ok = call_i32(&mut store, &instance, &format!("check{k}"), &[])?;
        ensure_eq(ok, 1, &format!("guest sees host-returned {v} exactly"))?;
    }
    ensure_eq(
        store.data().as_slice(),
        I64_VALUES.as_slice(),
        "values the host received",
    )
}

/// `f32`/`f64` specials both ways: identity through the guest (any NaN for
/// NaN, exact bits otherwise, so `-0.0` keeps its sign), guest-side bit
/// checks of values the host passes, and constants returned by the guest.
pub fn floats_both_ways<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let neg_zero_f64 = Func::new(
        &mut store,
        FuncType::new([], [ValType::F64]),
        |_, _, results| {
            results[0] = Val::F64(-0.0);
            Ok(())
        },
    );
    let mut imports = Imports::new();
    imports.define("env", "neg_zero", Extern::Func(neg_zero_f64));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "neg_zero" (func $neg_zero (result f64)))
          (func (export "id32") (param f32) (result f32) local.get 0)
          (func (export "id64") (param f64) (result f64) local.get 0)
          (func (export "bits32") (param f32) (result i32) local.get 0 i32.reinterpret_f32)
          (func (export "bits64") (param f64) (result i64) local.get 0 i64.reinterpret_f64)
          (func (export "consts32") (result f32 f32 f32 f32 f32)
            f32.const -0 f32.const inf f32.const -inf f32.const nan f32.const 0x1p-149)
          (func (export "consts64") (result f64 f64 f64 f64 f64)
            f64.const -0 f64.const inf f64.const -inf f64.const nan f64.const 0x1p-1074)
          (func (export "host_neg_zero_bits") (result i64) call $neg_zero i64.reinterpret_f64))"#,
        &imports,
    )?;
    let f32s = [
        0.0,
        -0.0,
        1.5,
        -3.25,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        f32::MIN_POSITIVE,
        f32::from_bits(1),
        f32::MAX,
        f32::MIN,
    ];
    for v in f32s {
        let got = call_export1(&mut store, &instance, "id32", &[Val::F32(v)])?;
        ensure_val(&got, &Val::F32(v), &format!("id32({v:?})"))?;
        if !v.is_nan() {
            let bits = call_i32(&mut store, &instance, "bits32", &[Val::F32(v)])?;
            ensure_eq(
                bits as u32,
                v.to_bits(),
                &format!("guest bits of f32 {v:?}"),
            )?;
        }
    }
    let f64s = [
        0.0,
        -0.0,
        1.5,
        -3.25,
        0.1,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        f64::from_bits(1),
        f64::MAX,
        f64::MIN,
    ];
    let bits64 = func(&store, &instance, "bits64")?;
    for v in f64s {
        let got = call_export1(&mut store, &instance, "id64", &[Val::F64(v)])?;
        ensure_val(&got, &Val::F64(v), &format!("id64({v:?})"))?;
        if !v.is_nan() {
            let mut out = [Val::I64(0)];
            bits64.call(&mut store, &[Val::F64(v)], &mut out)?;
            ensure_val(
                &out[0],
                &Val::I64(v.to_bits() as i64),
                &format!("guest bits of f64 {v:?}"),
            )?;
        }
    }
    let consts = call_export(&mut store, &instance, "consts32", &[])?;
    let expected = [
        -0.0,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
        f32::from_bits(1),
    ]
    .map(Val::F32);
    crate::check::ensure_vals(&consts, &expected, "f32 constants from the guest")?;
    let consts = call_export(&mut store, &instance, "consts64", &[])?;
    let expected = [
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::from_bits(1),
    ]
    .map(Val::F64);
    crate::check::ensure_vals(&consts, &expected, "f64 constants from the guest")?;
    let bits = call_export1(&mut store, &instance, "host_neg_zero_bits", &[])?;
    ensure_val(
        &bits,
        &Val::I64(i64::MIN),
        "guest bits of -0.0 returned by a host function",
    )
}

/// A `v128` whose lanes are all different, to catch lane-order mistakes.
pub const V128_SAMPLE: u128 = 0x0f0e_0d0c_0b0a_0908_0706_0504_0302_0100;

/// `v128` at the boundary. With [`Capabilities::v128_at_boundary`]
/// (wasmtime): values pass through exports, host functions and globals with
/// wasmtime's lane order (lane 0 in the low bits). Without it (the JS API; a
/// documented difference): every such crossing is a clear `Err`, and the
/// instance keeps working. `v128` used only inside wasm works either way.
///
/// [`Capabilities::v128_at_boundary`]: crate::Capabilities::v128_at_boundary
pub fn v128_at_boundary<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, Vec::<u128>::new());
    let take = Func::new(
        &mut store,
        FuncType::new([ValType::V128], []),
        |mut ctx, args, _| {
            let Val::V128(v) = args[0] else {
                bail!("host got {:?}", args[0])
            };
            ctx.data_mut().push(v);
            Ok(())
        },
    );
    let mut imports = Imports::new();
    imports.define("env", "take", Extern::Func(take));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "take" (func $take (param v128)))
          (global (export "g") (mut v128) (v128.const i64x2 1 2))
          (func (export "id") (param v128) (result v128) local.get 0)
          (func (export "splat") (param i32) (result v128) local.get 0 i32x4.splat)
          (func (export "lane0") (param v128) (result i32) local.get 0 i32x4.extract_lane 0)
          (func (export "send") v128.const i32x4 1 2 3 4 call $take)
          (func (export "internal") (result i32)
            v128.const i32x4 10 20 30 40 v128.const i32x4 1 2 3 4 i32x4.add
            i32x4.extract_lane 2))"#,
        &imports,
    )?;
    let internal = call_i32(&mut store, &instance, "internal", &[])?;
    ensure_eq(internal, 33, "v128 arithmetic inside the guest")?;

    let g = global(&store, &instance, "g")?;
    if target.capabilities().v128_at_boundary {
        let got = call_export1(&mut store, &instance, "id", &[Val::V128(V128_SAMPLE)])?;
        ensure_val(&got, &Val::V128(V128_SAMPLE), "id(v128)")?;
        let got = call_export1(&mut store, &instance, "splat", &[Val::I32(7)])?;
        ensure_val(
            &got,
            &Val::V128(0x7_0000_0007_0000_0007_0000_0007),
            "splat(7)",
        )?;
        let lane0 = call_i32(&mut store, &instance, "lane0", &[Val::V128(V128_SAMPLE)])?;
        ensure_eq(lane0, 0x0302_0100, "guest lane 0 of a host v128")?;
        call_export(&mut store, &instance, "send", &[])?;
        let sent = store.data().clone();
        ensure_eq(
            sent,
            vec![(4u128 << 96) | (3 << 64) | (2 << 32) | 1],
            "v128 the host received",
        )?;
        ensure_val(
            &g.get(&mut store),
            &Val::V128((2 << 64) | 1),
            "exported v128 global",
        )?;
        g.set(&mut store, Val::V128(V128_SAMPLE))?;
        ensure_val(
            &g.get(&mut store),
            &Val::V128(V128_SAMPLE),
            "v128 global after set",
        )?;
    } else {
        // Documented difference: the JS API cannot carry v128 across the
        // boundary; each attempt must be a clear Err, not a panic.
        expect_err(
            call_export(&mut store, &instance, "id", &[Val::V128(1)]),
            "id(v128)",
        )?;
        expect_err(
            call_export(&mut store, &instance, "splat", &[Val::I32(7)]),
            "splat",
        )?;
        expect_err(
            call_export(&mut store, &instance, "lane0", &[Val::V128(1)]),
            "lane0",
        )?;
        expect_err(
            call_export(&mut store, &instance, "send", &[]),
            "host fn with v128 param",
        )?;
        ensure_eq(store.data().len(), 0, "host functions called with v128")?;
        expect_err(g.set(&mut store, Val::V128(1)), "Global::set(v128)")?;
    }
    let internal = call_i32(&mut store, &instance, "internal", &[])?;
    ensure_eq(internal, 33, "the instance still works afterwards")
}

/// Quiet NaNs with payloads and either sign, as bits.
const F32_NANS: [u32; 3] = [0x7fc0_1234, 0xffc0_4321, 0x7fff_ffff];
const F64_NANS: [u64; 3] = [0x7ff8_0000_0000_1234, 0xfff8_dead_beef_0001, 0x7fff_ffff_ffff_ffff];

/// The bits of an `f32`/`f64` value (or of an `i32`/`i64` holding them).
fn float_bits(value: &Val) -> Option<u64> {
    match value {
        Val::F32(x) => Some(u64::from(x.to_bits())),
        Val::F64(x) => Some(x.to_bits()),
        Val::I32(x) => Some(u64::from(*x as u32)),
        Val::I64(x) => Some(*x as u64),
        _ => None,
    }
}

/// Checks that `values` carry exactly `expected` bits, or, where the target
/// cannot keep NaN payloads (`!exact`), that they are still NaNs.
fn ensure_bits(values: &[Val], expected: [u64; 2], what: &str, exact: bool) -> Result<()> {
    let got: Vec<Option<u64>> = values.iter().map(float_bits).collect();
    let nan = |bits: Option<u64>, f32: bool| match bits {
        Some(b) if f32 => f32::from_bits(b as u32).is_nan(),
        Some(b) => f64::from_bits(b).is_nan(),
        None => false,
    };
    let ok = if exact {
        got == [Some(expected[0]), Some(expected[1])]
    } else {
        got.len() == 2 && nan(got[0], true) && nan(got[1], false)
    };
    if !ok {
        bail!("{what}: expected bits {:x?}, got {values:?} ({got:x?})", expected);
    }
    Ok(())
}

/// NaN payloads and signs keep their exact bits across every crossing: call
/// arguments and results, host function arguments and results, and globals
/// (set and read by the host, read and written by the guest).
pub fn nan_payloads_keep_their_bits<T: Target>(target: &T) -> Result<()> {
    let exact = target.capabilities().nan_payloads_at_boundary;
    let engine = target.engine();
    let mut store = Store::new(&engine, Vec::<u64>::new());
    let record = Func::new(&mut store, FuncType::new([ValType::F32, ValType::F64], []), |mut ctx, args, _| {
        ctx.data_mut().extend(args.iter().filter_map(float_bits));
        Ok(())
    });
    let give = Func::new(&mut store, FuncType::new([ValType::I32], [ValType::F32, ValType::F64]), |_, args, results| {
        let i = match args {
            [Val::I32(i)] => *i as usize % F32_NANS.len(),
            _ => 0,
        };
        results[0] = Val::F32(f32::from_bits(F32_NANS[i]));
        results[1] = Val::F64(f64::from_bits(F64_NANS[i]));
        Ok(())
    });
    let mut imports = Imports::new();
    imports.define("env", "record", Extern::Func(record));
    imports.define("env", "give", Extern::Func(give));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "record" (func $record (param f32 f64)))
          (import "env" "give" (func $give (param i32) (result f32 f64)))
          (global $g32 (export "g32") (mut f32) (f32.const 0))
          (global $g64 (export "g64") (mut f64) (f64.const 0))
          (func (export "id") (param f32 f64) (result f32 f64) local.get 0 local.get 1)
          (func (export "bits") (param f32 f64) (result i32 i64)
            local.get 0 i32.reinterpret_f32 local.get 1 i64.reinterpret_f64)
          (func (export "make") (param i32 i64) (result f32 f64)
            local.get 0 f32.reinterpret_i32 local.get 1 f64.reinterpret_i64)
          (func (export "send") (param i32 i64)
            local.get 0 f32.reinterpret_i32 local.get 1 f64.reinterpret_i64 call $record)
          (func (export "take") (param i32) (result i32 i64) (local f64)
            local.get 0 call $give local.set 1 i32.reinterpret_f32 local.get 1 i64.reinterpret_f64)
          (func (export "globals_bits") (result i32 i64)
            global.get $g32 i32.reinterpret_f32 global.get $g64 i64.reinterpret_f64)
          (func (export "globals_set") (param i32 i64)
            local.get 0 f32.reinterpret_i32 global.set $g32 local.get 1 f64.reinterpret_i64 global.set $g64))"#,
        &imports,
    )?;
    let g32 = global(&store, &instance, "g32")?;
    let g64 = global(&store, &instance, "g64")?;
    for i in 0..F32_NANS.len() {
        let bits = [u64::from(F32_NANS[i]), F64_NANS[i]];
        let floats = [Val::F32(f32::from_bits(F32_NANS[i])), Val::F64(f64::from_bits(F64_NANS[i]))];
        let ints = [Val::I32(F32_NANS[i] as i32), Val::I64(F64_NANS[i] as i64)];
        ensure_bits(&call_export(&mut store, &instance, "bits", &floats)?, bits, "call arguments", exact)?;
        ensure_bits(&call_export(&mut store, &instance, "make", &ints)?, bits, "call results", exact)?;
        ensure_bits(&call_export(&mut store, &instance, "id", &floats)?, bits, "through the guest", exact)?;
        store.data_mut().clear();
        call_export(&mut store, &instance, "send", &ints)?;
        ensure_bits(&store.data().iter().map(|b| Val::I64(*b as i64)).collect::<Vec<_>>(), bits, "host function arguments", exact)?;
        ensure_bits(&call_export(&mut store, &instance, "take", &[Val::I32(i as i32)])?, bits, "host function results", exact)?;
        g32.set(&mut store, floats[0].clone())?;
        g64.set(&mut store, floats[1].clone())?;
        ensure_bits(&call_export(&mut store, &instance, "globals_bits", &[])?, bits, "globals set by the host", exact)?;
        call_export(&mut store, &instance, "globals_set", &ints)?;
        ensure_bits(&[g32.get(&mut store), g64.get(&mut store)], bits, "globals set by the guest", exact)?;
        for mutable in [false, true] {
            let new32 = Global::new(&mut store, floats[0].clone(), mutable);
            let new64 = Global::new(&mut store, floats[1].clone(), mutable);
            ensure_bits(&[new32.get(&mut store), new64.get(&mut store)], bits, "globals made by the host", exact)?;
        }
    }
    Ok(())
}
