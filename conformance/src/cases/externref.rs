//! External references: host values carried by wasm, which must come back
//! as the very same value (same type, same contents, same object).

use std::sync::Arc;

use anyhow::{Result, anyhow, bail};
use wasm_runtime_layer::{
    AsContext, Extern, ExternRef, Func, FuncType, Imports, Instance, Ref, Store, Val, ValType,
};

use crate::Target;
use crate::check::{as_externref, ensure_eq, ensure_that, expect_err, ref_as_extern};
use crate::fixture::{call_export1, call_i32, func, global, instantiate, table};

/// The host value carried by the references in these cases.
#[derive(Debug, PartialEq)]
pub struct Payload {
    /// A distinguishing number.
    pub id: u64,
    /// Some heap data, so the value is not trivially copyable.
    pub label: Arc<str>,
}

/// The guest side: identity, null checks, a host echo, a table and a global.
const EXTERNREF_MODULE: &str = r#"
(module
  (import "env" "echo" (func $echo (param externref) (result externref)))
  (table $t (export "table") 8 externref)
  (global $g (export "g") (mut externref) (ref.null extern))
  (func (export "id") (param externref) (result externref) local.get 0)
  (func (export "is_null") (param externref) (result i32) local.get 0 ref.is_null)
  (func (export "null") (result externref) ref.null extern)
  (func (export "via_host") (param externref) (result externref) local.get 0 call $echo)
  (func (export "host_null_is_null") (result i32) ref.null extern call $echo ref.is_null)
  (func (export "put") (param i32 externref) local.get 0 local.get 1 table.set $t)
  (func (export "take") (param i32) (result externref) local.get 0 table.get $t)
  (func (export "set_g") (param externref) local.get 0 global.set $g)
  (func (export "get_g") (result externref) global.get $g)
)
"#;

/// Instantiates [`EXTERNREF_MODULE`] with a host `echo` returning its argument.
fn setup<T: Target>(target: &T) -> Result<(Store<(), T::Engine>, Instance)> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let echo = Func::new(
        &mut store,
        FuncType::new([ValType::ExternRef], [ValType::ExternRef]),
        |_, args, results| {
            results[0] = args[0].clone();
            Ok(())
        },
    );
    let mut imports = Imports::new();
    imports.define("env", "echo", Extern::Func(echo));
    let instance = instantiate(&mut store, EXTERNREF_MODULE, &imports)?;
    Ok((store, instance))
}

/// Unwraps a non-null externref from a call result.
fn non_null(val: Val, what: &str) -> Result<ExternRef> {
    as_externref(val, what)?.ok_or_else(|| anyhow!("{what}: got a null externref"))
}

/// The payload of `r`, checked to be the expected value and the very same
/// object (address) as `original`.
fn ensure_same_payload(
    ctx: impl AsContext,
    r: &ExternRef,
    original: *const Payload,
    expected: &Payload,
    what: &str,
) -> Result<()> {
    let payload = r
        .downcast::<Payload, _, _>(ctx.as_context())
        .map_err(|e| anyhow!("{what}: downcast to the original type failed: {e:#}"))?;
    ensure_eq(payload, expected, what)?;
    ensure_that(
        std::ptr::eq(payload, original),
        &format!("{what}: same object as the original"),
    )
}

/// Null externrefs pass both ways: parameter, result, host function result,
/// table entries and globals.
pub fn null_both_ways<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance) = setup(target)?;
    let none = Val::ExternRef(None);
    ensure_eq(
        call_i32(
            &mut store,
            &instance,
            "is_null",
            std::slice::from_ref(&none),
        )?,
        1,
        "is_null(null)",
    )?;
    let id = call_export1(&mut store, &instance, "id", std::slice::from_ref(&none))?;
    ensure_that(as_externref(id, "id(null)")?.is_none(), "id(null) is null")?;
    let null = call_export1(&mut store, &instance, "null", &[])?;
    ensure_that(
        as_externref(null, "null()")?.is_none(),
        "ref.null extern is null on the host",
    )?;
    let via = call_export1(&mut store, &instance, "via_host", &[none])?;
    ensure_that(
        as_externref(via, "via_host(null)")?.is_none(),
        "null through a host fn",
    )?;
    let host_null = call_i32(&mut store, &instance, "host_null_is_null", &[])?;
    ensure_eq(
        host_null,
        1,
        "guest sees a host function's null result as null",
    )?;
    let t = table(&store, &instance, "table")?;
    let slot = t
        .get(&mut store, 7)
        .ok_or_else(|| anyhow!("slot 7 missing"))?;
    ensure_that(
        ref_as_extern(slot, "slot 7")?.is_none(),
        "empty externref slot is null",
    )?;
    let g = global(&store, &instance, "g")?;
    ensure_that(
        as_externref(g.get(&mut store), "g")?.is_none(),
        "initial externref global",
    )
}

/// One host value goes through the guest 50 times by every route (parameter
/// and result, a host function, guest and host table accesses, guest and
/// host global accesses) and always comes back as the very same object.
pub fn identity_survives_round_trips<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance) = setup(target)?;
    let expected = Payload {
        id: 0xdead_beef_0042,
        label: Arc::from("the one"),
    };
    let original = ExternRef::new(
        &mut store,
        Payload {
            id: expected.id,
            label: expected.label.clone(),
        },
    );
    let address: *const Payload = original
        .downcast::<Payload, _, _>(store.as_context())
        .map_err(|e| anyhow!("downcast right after ExternRef::new: {e:#}"))?;

    let t = table(&store, &instance, "table")?;
    let g = global(&store, &instance, "g")?;
    let put = func(&store, &instance, "put")?;
    let set_g = func(&store, &instance, "set_g")?;
    let mut current = original;
    for round in 0..50 {
        let what = |step: &str| format!("round {round}, {step}");
        let is_null = call_i32(
            &mut store,
            &instance,
            "is_null",
            &[Val::ExternRef(Some(current.clone()))],
        )?;
        ensure_eq(is_null, 0, &what("ref.is_null"))?;
        current = non_null(
            call_export1(
                &mut store,
                &instance,
                "id",
                &[Val::ExternRef(Some(current))],
            )?,
            &what("id"),
        )?;
        current = non_null(
            call_export1(
                &mut store,
                &instance,
                "via_host",
                &[Val::ExternRef(Some(current))],
            )?,
            &what("via_host"),
        )?;
        let slot = round % 8;
        put.call(
            &mut store,
            &[Val::I32(slot), Val::ExternRef(Some(current))],
            &mut [],
        )?;
        let from_table = t
            .get(&mut store, slot as u32)
            .ok_or_else(|| anyhow!("slot missing"))?;
        current = ref_as_extern(from_table, &what("Table::get"))?
            .ok_or_else(|| anyhow!("{}: null", what("Table::get")))?;
        t.set(
            &mut store,
            (slot as u32 + 1) % 8,
            Ref::ExternRef(Some(current)),
        )?;
        current = non_null(
            call_export1(&mut store, &instance, "take", &[Val::I32((slot + 1) % 8)])?,
            &what("take"),
        )?;
        set_g.call(&mut store, &[Val::ExternRef(Some(current))], &mut [])?;
        current = non_null(g.get(&mut store), &what("Global::get"))?;
        g.set(&mut store, Val::ExternRef(Some(current)))?;
        current = non_null(
            call_export1(&mut store, &instance, "get_g", &[])?,
            &what("get_g"),
        )?;
        if round % 10 == 0 {
            ensure_same_payload(&store, &current, address, &expected, &what("payload"))?;
        }
    }
    ensure_same_payload(
        &store,
        &current,
        address,
        &expected,
        "payload after 50 rounds",
    )
}

/// `ExternRef::downcast` to a type other than the payload's is an `Err`;
/// to the right type it is `Ok`, also for payloads of other types.
pub fn wrong_downcast_is_err<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance) = setup(target)?;
    let payload = ExternRef::new(
        &mut store,
        Payload {
            id: 1,
            label: Arc::from("x"),
        },
    );
    let number = ExternRef::new(&mut store, 7u32);
    let text = ExternRef::new(&mut store, String::from("text"));
    // Take them through the guest first: the answer must not depend on that.
    let payload = non_null(
        call_export1(
            &mut store,
            &instance,
            "id",
            &[Val::ExternRef(Some(payload))],
        )?,
        "id",
    )?;
    let number = non_null(
        call_export1(
            &mut store,
            &instance,
            "via_host",
            &[Val::ExternRef(Some(number))],
        )?,
        "via_host",
    )?;

    expect_err(
        payload
            .downcast::<String, _, _>(store.as_context())
            .map(|_| ()),
        "Payload as String",
    )?;
    expect_err(
        payload
            .downcast::<u64, _, _>(store.as_context())
            .map(|_| ()),
        "Payload as u64",
    )?;
    expect_err(
        number.downcast::<u64, _, _>(store.as_context()).map(|_| ()),
        "u32 as u64",
    )?;
    expect_err(
        number.downcast::<i32, _, _>(store.as_context()).map(|_| ()),
        "u32 as i32",
    )?;
    expect_err(
        text.downcast::<&str, _, _>(store.as_context()).map(|_| ()),
        "String as &str",
    )?;
    let n = number
        .downcast::<u32, _, _>(store.as_context())
        .map_err(|e| anyhow!("u32 as u32: {e:#}"))?;
    ensure_eq(*n, 7, "u32 payload")?;
    let s = text
        .downcast::<String, _, _>(store.as_context())
        .map_err(|e| anyhow!("String as String: {e:#}"))?;
    ensure_eq(s.as_str(), "text", "String payload")?;
    let p = payload
        .downcast::<Payload, _, _>(store.as_context())
        .map_err(|e| anyhow!("{e:#}"))?;
    ensure_eq(p.id, 1, "Payload id")
}

/// Different host values stay different: each table slot keeps its own
/// payload, and the guest's copies do not merge them.
pub fn distinct_values_stay_distinct<T: Target>(target: &T) -> Result<()> {
    let (mut store, instance) = setup(target)?;
    let put = func(&store, &instance, "put")?;
    for slot in 0..8u64 {
        let r = ExternRef::new(
            &mut store,
            Payload {
                id: slot,
                label: Arc::from(format!("slot {slot}")),
            },
        );
        put.call(
            &mut store,
            &[Val::I32(slot as i32), Val::ExternRef(Some(r))],
            &mut [],
        )?;
    }
    // Two refs to equal-looking but separate values are separate objects.
    let a = ExternRef::new(
        &mut store,
        Payload {
            id: 99,
            label: Arc::from("same"),
        },
    );
    let b = ExternRef::new(
        &mut store,
        Payload {
            id: 99,
            label: Arc::from("same"),
        },
    );
    let pa: *const Payload = a.downcast::<Payload, _, _>(store.as_context())?;
    let pb: *const Payload = b.downcast::<Payload, _, _>(store.as_context())?;
    ensure_that(
        !std::ptr::eq(pa, pb),
        "two ExternRef::new calls give two objects",
    )?;
    for slot in (0..8u64).rev() {
        let r = non_null(
            call_export1(&mut store, &instance, "take", &[Val::I32(slot as i32)])?,
            "take",
        )?;
        let p = r.downcast::<Payload, _, _>(store.as_context())?;
        if p.id != slot || *p.label != format!("slot {slot}") {
            bail!("slot {slot} holds {p:?}");
        }
    }
    Ok(())
}
