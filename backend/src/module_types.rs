//! Import and export types of a module, read from its binary with
//! `wasmparser` (the JS API reports names and kinds, but no types).

use anyhow::{Result, bail};
use wasm_runtime_layer::{ExternType, FuncType, GlobalType, MemoryType, RefType, TableType, ValType};
use wasmparser::{Chunk, ExternalKind, Parser, Payload, TypeRef};

/// What a module imports and exports, in declaration order, duplicates kept.
#[derive(Clone, Debug, Default)]
pub(crate) struct ModuleTypes {
    /// `(module, name, type)` of each import.
    pub imports: Vec<(String, String, ExternType)>,
    /// `(name, type)` of each export that `wasm_runtime_layer` can express.
    pub exports: Vec<(String, ExternType)>,
    /// `(name, parameter types)` of each exported tag.
    pub tag_exports: Vec<(String, Vec<ValType>)>,
    /// For each export in declaration order (as the JS API lists them),
    /// whether it is a tag (else the next entry of `exports`).
    pub export_is_tag: Vec<bool>,
    /// Every function type the module declares.
    pub func_types: Vec<FuncType>,
    /// The name of the first export that is a shared memory, which
    /// `wasm_runtime_layer` has no `Extern` for (instantiating such a module
    /// is an error, as on wasmtime); shared memories used inside the module
    /// or imported are fine (their type reads as a plain `MemoryType`).
    pub shared_memory_export: Option<String>,
}

fn val_type(ty: wasmparser::ValType) -> Result<ValType> {
    Ok(match ty {
        wasmparser::ValType::I32 => ValType::I32,
        wasmparser::ValType::I64 => ValType::I64,
        wasmparser::ValType::F32 => ValType::F32,
        wasmparser::ValType::F64 => ValType::F64,
        wasmparser::ValType::V128 => ValType::V128,
        wasmparser::ValType::Ref(r) => match ref_type(r)? {
            RefType::FuncRef => ValType::FuncRef,
            RefType::ExternRef => ValType::ExternRef,
        },
    })
}

fn ref_type(ty: wasmparser::RefType) -> Result<RefType> {
    if ty == wasmparser::RefType::FUNCREF {
        Ok(RefType::FuncRef)
    } else if ty == wasmparser::RefType::EXTERNREF {
        Ok(RefType::ExternRef)
    } else {
        bail!("reference type {ty} is not supported by wasm_runtime_layer")
    }
}

fn func_type(ty: &wasmparser::FuncType) -> Result<FuncType> {
    let params = ty.params().iter().map(|t| val_type(*t)).collect::<Result<Vec<_>>>()?;
    let results = ty.results().iter().map(|t| val_type(*t)).collect::<Result<Vec<_>>>()?;
    Ok(FuncType::new(params, results))
}

fn table_type(ty: &wasmparser::TableType) -> Result<TableType> {
    if ty.table64 {
        bail!("64-bit tables are not supported by wasm_runtime_layer");
    }
    let max = ty.maximum.map(u32::try_from).transpose()?;
    Ok(TableType::new(ref_type(ty.element_type)?, u32::try_from(ty.initial)?, max))
}

/// A memory's type; `MemoryType` has no `shared` flag, so a shared memory
/// reads as a plain one (as `wasmtime_runtime_layer` reads it).
fn memory_type(ty: &wasmparser::MemoryType) -> Result<MemoryType> {
    if ty.memory64 {
        bail!("64-bit memories are not supported by wasm_runtime_layer");
    }
    let max = ty.maximum.map(u32::try_from).transpose()?;
    Ok(MemoryType::new(u32::try_from(ty.initial)?, max))
}

fn global_type(ty: &wasmparser::GlobalType) -> Result<GlobalType> {
    Ok(GlobalType::new(val_type(ty.content_type)?, ty.mutable))
}

/// Looks up entry `index` of an index space.
fn nth<T: Clone>(space: &[T], index: u32, what: &str) -> Result<T> {
    match space.get(index as usize) {
        Some(item) => Ok(item.clone()),
        None => bail!("{what} index {index} out of bounds"),
    }
}

impl ModuleTypes {
    /// For each export in declaration order (tags included), its function
    /// type if it is a function.
    pub fn export_func_types(&self) -> impl Iterator<Item = Option<&FuncType>> {
        let mut plain = self.exports.iter();
        self.export_is_tag.iter().map(move |is_tag| if *is_tag { None } else { plain.next().and_then(|(_, ty)| ty.func()) })
    }

    /// Reads the types of a module binary (which the engine has already validated).
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let mut spaces = Spaces::default();
        let mut out = ModuleTypes::default();
        each_section(bytes, |payload| spaces.read(payload, &mut out))?;
        spaces.read_defined_funcs()?;
        for (name, kind, index) in std::mem::take(&mut spaces.exports) {
            spaces.export(name, kind, index, &mut out)?;
        }
        out.func_types = spaces.types.into_iter().flatten().collect();
        Ok(out)
    }
}

/// Calls `each` with every section of `bytes` but the code section, which is
/// skipped by its size: types never need the function bodies, and walking a
/// code-heavy module's entries one by one would cost time per function.
fn each_section<'a>(bytes: &'a [u8], mut each: impl FnMut(Payload<'a>) -> Result<()>) -> Result<()> {
    let mut parser = Parser::new(0);
    let mut rest = bytes;
    loop {
        let (payload, consumed) = match parser.parse(rest, true)? {
            Chunk::Parsed { consumed, payload } => (payload, consumed),
            Chunk::NeedMoreData(_) => bail!("unexpected end of the module binary"),
        };
        rest = &rest[consumed..];
        match payload {
            Payload::CodeSectionStart { size, .. } => {
                parser.skip_section();
                rest = match rest.get(size as usize..) {
                    Some(after) => after,
                    None => bail!("the code section runs past the end of the module binary"),
                };
            }
            Payload::End(_) => return Ok(()),
            payload => each(payload)?,
        }
    }
}

/// The index spaces read so far. Tables, memories and globals defined inside
/// the module may have types `wasm_runtime_layer` cannot express (typed
/// references, 64-bit indices): only exporting them is an error, so their
/// entries keep the reason.
#[derive(Default)]
struct Spaces<'a> {
    types: Vec<Option<FuncType>>,
    /// The type index of each function, imported ones first; defined ones
    /// only as far as an export needs ([`Spaces::read_defined_funcs`]).
    funcs: Vec<u32>,
    /// The function section, read once the exports are known: a module of
    /// many functions exports few, and reading every entry costs time per
    /// function.
    defined_funcs: Option<wasmparser::FunctionSectionReader<'a>>,
    tables: Vec<Result<TableType, String>>,
    /// Each memory's type and whether it is shared.
    memories: Vec<(Result<MemoryType, String>, bool)>,
    globals: Vec<Result<GlobalType, String>>,
    /// Each tag's type index.
    tags: Vec<u32>,
    /// Name, kind and index of each export, resolved once every section is read.
    exports: Vec<(String, ExternalKind, u32)>,
}

impl<'a> Spaces<'a> {
    /// The function type at type index `index`.
    fn func_type(&self, index: u32) -> Result<FuncType> {
        match nth(&self.types, index, "type")? {
            Some(ty) => Ok(ty),
            None => bail!("type {index} is not a function type supported by wasm_runtime_layer"),
        }
    }

    /// Reads one section into the spaces (and the imports into `out`).
    fn read(&mut self, payload: Payload<'a>, out: &mut ModuleTypes) -> Result<()> {
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group?.into_types() {
                        self.types.push(match &sub.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(f) => func_type(f).ok(),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    let ty = self.import(import.ty)?;
                    out.imports.push((import.module.to_owned(), import.name.to_owned(), ty));
                }
            }
            Payload::FunctionSection(reader) => self.defined_funcs = Some(reader),
            Payload::TableSection(reader) => {
                for table in reader {
                    self.tables.push(table_type(&table?.ty).map_err(|e| e.to_string()));
                }
            }
            Payload::MemorySection(reader) => {
                for memory in reader {
                    let memory = memory?;
                    self.memories.push((memory_type(&memory).map_err(|e| e.to_string()), memory.shared));
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    self.globals.push(global_type(&global?.ty).map_err(|e| e.to_string()));
                }
            }
            Payload::TagSection(reader) => {
                for tag in reader {
                    self.tags.push(tag?.func_type_idx);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    self.exports.push((export.name.to_owned(), export.kind, export.index));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Reads the function section's entries up to the highest function index
    /// an export names (all sections read, so every import is counted).
    fn read_defined_funcs(&mut self) -> Result<()> {
        let Some(reader) = self.defined_funcs.take() else { return Ok(()) };
        let exported = self.exports.iter().filter(|(_, kind, _)| matches!(kind, ExternalKind::Func | ExternalKind::FuncExact));
        let Some(highest) = exported.map(|(_, _, index)| *index as usize).max() else { return Ok(()) };
        let wanted = (highest + 1).saturating_sub(self.funcs.len());
        for index in reader.into_iter().take(wanted) {
            self.funcs.push(index?);
        }
        Ok(())
    }

    /// The type of an import, entered into its index space.
    fn import(&mut self, ty: TypeRef) -> Result<ExternType> {
        Ok(match ty {
            TypeRef::Func(i) | TypeRef::FuncExact(i) => {
                self.funcs.push(i);
                ExternType::Func(self.func_type(i)?)
            }
            TypeRef::Table(t) => {
                let t = table_type(&t)?;
                self.tables.push(Ok(t));
                ExternType::Table(t)
            }
            TypeRef::Memory(m) => {
                let ty = memory_type(&m)?;
                self.memories.push((Ok(ty), m.shared));
                ExternType::Memory(ty)
            }
            TypeRef::Global(g) => {
                let g = global_type(&g)?;
                self.globals.push(Ok(g));
                ExternType::Global(g)
            }
            TypeRef::Tag(_) => bail!("tag imports are not supported by wasm_runtime_layer"),
        })
    }

    /// Resolves one export and adds it to `out`.
    fn export(&self, name: String, kind: ExternalKind, index: u32, out: &mut ModuleTypes) -> Result<()> {
        let ty = match kind {
            ExternalKind::Func | ExternalKind::FuncExact => ExternType::Func(self.func_type(nth(&self.funcs, index, "function")?)?),
            ExternalKind::Table => ExternType::Table(nth(&self.tables, index, "table")?.map_err(anyhow::Error::msg)?),
            ExternalKind::Memory => {
                let (ty, shared) = nth(&self.memories, index, "memory")?;
                if shared && out.shared_memory_export.is_none() {
                    out.shared_memory_export = Some(name.clone());
                }
                ExternType::Memory(ty.map_err(anyhow::Error::msg)?)
            }
            ExternalKind::Global => ExternType::Global(nth(&self.globals, index, "global")?.map_err(anyhow::Error::msg)?),
            ExternalKind::Tag => {
                let params = self.func_type(nth(&self.tags, index, "tag")?)?.params().to_vec();
                out.tag_exports.push((name, params));
                out.export_is_tag.push(true);
                return Ok(());
            }
        };
        out.exports.push((name, ty));
        out.export_is_tag.push(false);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(wat: &str) -> ModuleTypes {
        ModuleTypes::parse(&wat::parse_str(wat).expect("test module is valid")).expect("types parse")
    }

    #[test]
    fn keeps_declaration_order_and_duplicates() {
        let t = parse(
            r#"(module
                (import "m" "b" (func (param i64)))
                (import "m" "a" (global (mut f32)))
                (import "m" "b" (func (param i64)))
                (memory (export "mem") 1 2)
                (func (export "z") (result externref) ref.null extern)
                (table (export "t") 3 funcref))"#,
        );
        let names: Vec<_> = t.imports.iter().map(|(m, n, _)| format!("{m}.{n}")).collect();
        assert_eq!(names, ["m.b", "m.a", "m.b"]);
        let exports: Vec<_> = t.exports.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(exports, ["mem", "z", "t"]);
        assert_eq!(
            t.exports[1].1.func().map(|f| f.results().to_vec()),
            Some(vec![ValType::ExternRef])
        );
        assert_eq!(t.exports[0].1.memory().map(|m| m.maximum_pages()), Some(Some(2)));
    }

    #[test]
    fn shared_memories_read_as_plain_and_their_exports_are_named() {
        let inside = parse(r#"(module (memory 1 2 shared) (func (export "f") i32.const 0 i32.atomic.load drop))"#);
        assert_eq!(inside.shared_memory_export, None);
        let imported = parse(r#"(module (import "m" "mem" (memory 1 2 shared)))"#);
        assert_eq!(imported.imports[0].2.memory().map(|m| m.maximum_pages()), Some(Some(2)));
        assert_eq!(imported.shared_memory_export, None);
        let exported = parse(r#"(module (memory (export "plain") 1) (memory (export "mem") 1 2 shared))"#);
        assert_eq!(exported.shared_memory_export.as_deref(), Some("mem"));
    }

    #[test]
    fn inexpressible_types_inside_the_module_are_fine_until_exported() {
        let inside = parse(
            r#"(module (type $f (func)) (table 1 (ref null $f)) (global (ref null $f) (ref.null $f))
                 (func (export "f") (param i32) (result i32) local.get 0))"#,
        );
        assert_eq!(inside.exports.len(), 1);
        let exported = wat::parse_str(r#"(module (type $f (func)) (table (export "t") 1 (ref null $f)))"#).unwrap();
        assert!(ModuleTypes::parse(&exported).is_err());
    }

    #[test]
    fn the_code_section_is_skipped_and_what_follows_is_read() {
        let t = parse(
            r#"(module
                (import "m" "f" (func (param i32)))
                (memory (export "mem") 1)
                (func (export "a") (param i32) (result i32) local.get 0 i32.const 1 i32.add)
                (func (export "b") (result i64) i64.const 7)
                (data (i32.const 0) "after the code section"))"#,
        );
        let names: Vec<_> = t.exports.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["mem", "a", "b"]);
        assert_eq!(t.exports[2].1.func().map(|f| f.results().to_vec()), Some(vec![ValType::I64]));
        // A code section that claims more bytes than there are is an error.
        let mut truncated = wat::parse_str(r#"(module (func (export "f")))"#).unwrap();
        let code = truncated.iter().rposition(|&b| b == 10).unwrap();
        truncated.truncate(code + 3);
        assert!(ModuleTypes::parse(&truncated).is_err());
    }

    #[test]
    fn malformed_input_is_an_error() {
        assert!(ModuleTypes::parse(b"\0asm\x01\0\0\0\x01\xff").is_err());
    }
}
