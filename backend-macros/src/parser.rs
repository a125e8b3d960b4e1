//! WebIDL text (as Rust tokens) → [`ast::Spec`].
//!
//! The parser recovers at every `;`: the token stream is cut into statements
//! at top-level semicolons (definitions, then members inside `{ }`), and each
//! statement is parsed on its own. A malformed member therefore costs only that
//! member, and every syntax error of a spec is reported in one build.
//!
//! Rust's lexer turns `///` and `//!` comments into `#[doc]` attributes; those
//! are dropped, so any comment style works in a spec.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{LitStr, Token, bracketed, parenthesized};

use crate::ast::{
    Argument, Attribute, Constructor, Container, DefaultKind, DefaultValue, Definition, Dictionary,
    DictionaryMember, Enum, ExtAttr, ExtAttrValue, FloatType, IntegerType, Member, Operation, Spec,
    Type, TypeKind, Typedef,
};
use crate::errors::{Ctxt, SpanRange};

/// The definition keywords this parser understands.
pub const DEFINITION_KEYWORDS: &[&str] =
    &["interface", "namespace", "dictionary", "enum", "typedef"];

/// Parses a whole spec. Syntax errors go to `cx`; the definitions that parsed
/// are returned so that later stages can report their own errors too.
pub fn parse_spec(tokens: TokenStream, cx: &Ctxt) -> Spec {
    let mut spec = Spec::default();
    for statement in split_statements(strip_doc_comments(tokens), cx, "definition") {
        match (|input: ParseStream| parse_definition(input, cx)).parse2(statement) {
            Ok(Some(definition)) => spec.definitions.push(definition),
            Ok(None) => {}
            Err(error) => cx.push(error),
        }
    }
    spec
}

/// Cuts `tokens` after every top-level `;` (kept at the end of each piece). A
/// last piece without `;` is reported and completed with one, so that it can
/// still be parsed. Stray `;` are skipped.
fn split_statements(tokens: TokenStream, cx: &Ctxt, what: &str) -> Vec<TokenStream> {
    let mut statements = Vec::new();
    let mut current: Vec<TokenTree> = Vec::new();
    for token in tokens {
        let is_semicolon = matches!(&token, TokenTree::Punct(p) if p.as_char() == ';');
        if is_semicolon && current.is_empty() {
            continue;
        }
        current.push(token);
        if is_semicolon {
            statements.push(current.drain(..).collect());
        }
    }
    if let Some(last) = current.last() {
        let span = last.span();
        cx.error(span, format_args!("expected `;` after this {what}"));
        let mut semicolon = Punct::new(';', Spacing::Alone);
        semicolon.set_span(span);
        current.push(TokenTree::Punct(semicolon));
        statements.push(current.into_iter().collect());
    }
    statements
}

/// Removes `#[doc = ...]` and `#![doc = ...]` (what `///` and `//!` comments
/// become), at any depth.
pub fn strip_doc_comments(tokens: TokenStream) -> TokenStream {
    let mut out = Vec::new();
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Punct(p) if p.as_char() == '#' => {
                let mut lookahead = tokens.clone();
                let bang =
                    matches!(lookahead.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                if bang {
                    lookahead.next();
                }
                let is_doc = matches!(lookahead.next(), Some(TokenTree::Group(g))
                    if g.delimiter() == Delimiter::Bracket
                        && matches!(g.stream().into_iter().next(), Some(TokenTree::Ident(i)) if i == "doc"));
                if is_doc {
                    tokens = lookahead;
                } else {
                    out.push(TokenTree::Punct(p));
                }
            }
            TokenTree::Group(group) => {
                let mut stripped =
                    Group::new(group.delimiter(), strip_doc_comments(group.stream()));
                stripped.set_span(group.span());
                out.push(TokenTree::Group(stripped));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// Whether the next token is the identifier `keyword`.
fn peek_keyword(input: ParseStream, keyword: &str) -> bool {
    input
        .cursor()
        .ident()
        .is_some_and(|(ident, _)| ident == keyword)
}

/// Parses any identifier, Rust keywords included (WebIDL names such as `type`).
fn parse_name(input: ParseStream, what: &str) -> syn::Result<Ident> {
    if input.peek(Ident::peek_any) {
        input.call(Ident::parse_any)
    } else {
        Err(input.error(format_args!(
            "expected {what}, found {}",
            describe_next(input)
        )))
    }
}

/// Parses the identifier `keyword`.
fn parse_keyword(input: ParseStream, keyword: &str) -> syn::Result<Ident> {
    if peek_keyword(input, keyword) {
        input.call(Ident::parse_any)
    } else {
        Err(input.error(format_args!(
            "expected `{keyword}`, found {}",
            describe_next(input)
        )))
    }
}

/// The next token for error messages: "`foo`" or "end of input".
fn describe_next(input: ParseStream) -> String {
    match input.cursor().token_tree() {
        None => "end of input".to_owned(),
        Some((TokenTree::Group(g), _)) => match g.delimiter() {
            Delimiter::Parenthesis => "`(`".to_owned(),
            Delimiter::Brace => "`{`".to_owned(),
            Delimiter::Bracket => "`[`".to_owned(),
            Delimiter::None => "a group".to_owned(),
        },
        Some((token, _)) => format!("`{token}`"),
    }
}

/// Parses the `;` that ends every statement.
fn parse_semicolon(input: ParseStream, after: &str) -> syn::Result<()> {
    if input.peek(Token![;]) {
        input.parse::<Token![;]>()?;
        Ok(())
    } else {
        Err(input.error(format_args!(
            "expected `;` after {after}, found {}",
            describe_next(input)
        )))
    }
}

/// Parses `[A, B=c, C=*, D=(x, y)]` if present.
fn parse_ext_attrs(input: ParseStream) -> syn::Result<Vec<ExtAttr>> {
    if !input.peek(syn::token::Bracket) {
        return Ok(Vec::new());
    }
    let content;
    let brackets = bracketed!(content in input);
    if content.is_empty() {
        return Err(syn::Error::new(
            brackets.span.join(),
            "empty extended attribute list",
        ));
    }
    let mut attrs = Vec::new();
    loop {
        let name = parse_name(&content, "an extended attribute name")?;
        let value = if content.peek(Token![=]) {
            content.parse::<Token![=]>()?;
            if content.peek(Token![*]) {
                content.parse::<Token![*]>()?;
                ExtAttrValue::Wildcard
            } else if content.peek(syn::token::Paren) {
                let list;
                parenthesized!(list in content);
                let names =
                    list.parse_terminated(|input| parse_name(input, "an identifier"), Token![,])?;
                ExtAttrValue::List(names.into_iter().collect())
            } else if content.peek(Ident::peek_any) {
                ExtAttrValue::Ident(content.call(Ident::parse_any)?)
            } else {
                return Err(content.error("expected an identifier, `*` or `(...)` after `=`"));
            }
        } else {
            ExtAttrValue::None
        };
        attrs.push(ExtAttr { name, value });
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
        if content.is_empty() {
            break;
        }
    }
    Ok(attrs)
}

/// Parses one definition statement. `Ok(None)`: an error was recorded in `cx`
/// and there is nothing to keep.
fn parse_definition(input: ParseStream, cx: &Ctxt) -> syn::Result<Option<Definition>> {
    let attrs = parse_ext_attrs(input)?;
    if !input.peek(Ident::peek_any) {
        return Err(input.error(format_args!(
            "expected a definition (`interface`, `namespace`, `dictionary`, `enum` or `typedef`), found {}",
            describe_next(input)
        )));
    }
    let mut keyword = input.call(Ident::parse_any)?;
    let partial = if keyword == "partial" {
        let partial = keyword;
        keyword = parse_name(
            input,
            "`interface`, `namespace` or `dictionary` after `partial`",
        )?;
        if !["interface", "namespace", "dictionary"].contains(&keyword.to_string().as_str())
            || peek_keyword(input, "mixin")
        {
            return Err(syn::Error::new(
                keyword.span(),
                format_args!(
                    "`partial {keyword}` is not supported (only partial interfaces, namespaces and dictionaries)"
                ),
            ));
        }
        Some(partial)
    } else {
        None
    };
    let mut definition = match keyword.to_string().as_str() {
        "interface" if peek_keyword(input, "mixin") => {
            return Err(syn::Error::new(
                keyword.span(),
                "interface mixins are not supported",
            ));
        }
        "interface" => Definition::Interface(parse_container(input, attrs, cx, "interface")?),
        "namespace" => Definition::Namespace(parse_container(input, attrs, cx, "namespace")?),
        "dictionary" => Definition::Dictionary(parse_dictionary(input, attrs, cx)?),
        "enum" => Definition::Enum(parse_enum(input, attrs)?),
        "typedef" => {
            let ty = parse_type(input)?;
            let name = parse_name(input, "the typedef name")?;
            Definition::Typedef(Typedef { attrs, ty, name })
        }
        word @ "callback" => {
            return Err(syn::Error::new(
                keyword.span(),
                format_args!("`{word}` definitions are not supported"),
            ));
        }
        other => {
            let mut message = format!(
                "unknown definition keyword `{other}`, expected one of `{}`",
                DEFINITION_KEYWORDS.join("`, `")
            );
            if peek_keyword(input, "includes") {
                message = "`includes` statements are not supported".to_owned();
            }
            return Err(syn::Error::new(keyword.span(), message));
        }
    };
    match &mut definition {
        Definition::Interface(c) | Definition::Namespace(c) => c.partial = partial,
        Definition::Dictionary(d) => d.partial = partial,
        Definition::Enum(_) | Definition::Typedef(_) => {}
    }
    parse_semicolon(input, &format!("the {} definition", definition.keyword()))?;
    Ok(Some(definition))
}

/// Parses `Name { members }` of an interface or namespace.
fn parse_container(
    input: ParseStream,
    attrs: Vec<ExtAttr>,
    cx: &Ctxt,
    keyword: &str,
) -> syn::Result<Container> {
    let name = parse_name(input, &format!("the {keyword} name"))?;
    if input.peek(Token![:]) {
        return Err(input.error(format_args!("{keyword} inheritance is not supported")));
    }
    let body = parse_body(input, keyword)?;
    let members = parse_members(body, cx, parse_member);
    Ok(Container {
        attrs,
        partial: None,
        name,
        members,
    })
}

/// Parses `{ ... }` and returns its tokens.
fn parse_body(input: ParseStream, keyword: &str) -> syn::Result<TokenStream> {
    if !input.peek(syn::token::Brace) {
        return Err(input.error(format_args!(
            "expected `{{` to start the {keyword} body, found {}",
            describe_next(input)
        )));
    }
    let content;
    syn::braced!(content in input);
    content.parse()
}

/// Parses each `;`-terminated member of `body` on its own; errors are recorded
/// in `cx` and the member is skipped.
fn parse_members<T>(
    body: TokenStream,
    cx: &Ctxt,
    parse_one: fn(ParseStream, &Ctxt) -> syn::Result<Option<T>>,
) -> Vec<T> {
    let mut members = Vec::new();
    for statement in split_statements(body, cx, "member") {
        match (|input: ParseStream| parse_one(input, cx)).parse2(statement) {
            Ok(Some(member)) => members.push(member),
            Ok(None) => {}
            Err(error) => {
                for error in error {
                    cx.push(syn::Error::new(
                        error.span(),
                        format_args!("malformed member: {error}"),
                    ));
                }
            }
        }
    }
    members
}

/// Member keywords of full WebIDL that this parser rejects.
const UNSUPPORTED_MEMBERS: &[&str] = &[
    "const",
    "stringifier",
    "getter",
    "setter",
    "deleter",
    "iterable",
    "async",
    "maplike",
    "setlike",
    "inherit",
];

/// Parses one interface or namespace member.
fn parse_member(input: ParseStream, cx: &Ctxt) -> syn::Result<Option<Member>> {
    let attrs = parse_ext_attrs(input)?;
    if let Some(word) = UNSUPPORTED_MEMBERS
        .iter()
        .find(|word| peek_keyword(input, word))
    {
        cx.error(
            input.span(),
            format_args!("unsupported member: `{word}` members are not supported"),
        );
        input.parse::<TokenStream>()?;
        return Ok(None);
    }
    if peek_keyword(input, "constructor") && input.peek2(syn::token::Paren) {
        let keyword = input.call(Ident::parse_any)?;
        let args = parse_arguments(input, cx)?;
        parse_semicolon(input, "the constructor")?;
        return Ok(Some(Member::Constructor(Constructor {
            attrs,
            keyword,
            args,
        })));
    }
    let is_static = if peek_keyword(input, "static") {
        Some(input.call(Ident::parse_any)?)
    } else {
        None
    };
    if peek_keyword(input, "readonly") || peek_keyword(input, "attribute") {
        let readonly = peek_keyword(input, "readonly");
        if readonly {
            input.call(Ident::parse_any)?;
        }
        parse_keyword(input, "attribute")?;
        let ty = parse_type(input)?;
        let name = parse_name(input, "the attribute name")?;
        parse_semicolon(input, "the attribute")?;
        return Ok(Some(Member::Attribute(Attribute {
            attrs,
            is_static,
            readonly,
            ty,
            name,
        })));
    }
    let ret = parse_type(input)?;
    let name = parse_name(input, "the operation name")?;
    if !input.peek(syn::token::Paren) {
        return Err(input.error(format_args!(
            "expected `(` after the operation name (or `attribute` for an attribute), found {}",
            describe_next(input)
        )));
    }
    let args = parse_arguments(input, cx)?;
    parse_semicolon(input, "the operation")?;
    Ok(Some(Member::Operation(Operation {
        attrs,
        is_static: is_static.is_some(),
        ret,
        name,
        args,
    })))
}

/// Parses `(arg, arg, ...)`.
fn parse_arguments(input: ParseStream, cx: &Ctxt) -> syn::Result<Vec<Argument>> {
    let content;
    parenthesized!(content in input);
    let mut args = Vec::new();
    while !content.is_empty() {
        let attrs = parse_ext_attrs(&content)?;
        let optional = peek_keyword(&content, "optional");
        if optional {
            content.call(Ident::parse_any)?;
        }
        let ty = parse_type(&content)?;
        if content.peek(Token![...]) {
            let dots = content.parse::<Token![...]>()?;
            cx.error(dots.spans[0], "variadic arguments are not supported");
        }
        let name = parse_name(&content, "the argument name")?;
        let default = parse_default(&content)?;
        args.push(Argument {
            attrs,
            optional,
            ty,
            name,
            default,
        });
        if content.is_empty() {
            break;
        }
        if !content.peek(Token![,]) {
            return Err(content.error(format_args!(
                "expected `,` or `)` after an argument, found {}",
                describe_next(&content)
            )));
        }
        content.parse::<Token![,]>()?;
    }
    Ok(args)
}

/// Parses `= value` if present.
fn parse_default(input: ParseStream) -> syn::Result<Option<DefaultValue>> {
    if !input.peek(Token![=]) {
        return Ok(None);
    }
    input.parse::<Token![=]>()?;
    let start = input.span();
    let negative = if input.peek(Token![-]) {
        input.parse::<Token![-]>()?;
        true
    } else {
        false
    };
    let sign = if negative { "-" } else { "" };
    let end = input.span();
    let kind = if let Ok(lit) = input.parse::<syn::Lit>() {
        match lit {
            syn::Lit::Int(int) => DefaultKind::Integer(format!("{sign}{}", int.base10_digits())),
            syn::Lit::Float(float) => {
                DefaultKind::Decimal(format!("{sign}{}", float.base10_digits()))
            }
            syn::Lit::Str(s) if !negative => DefaultKind::String(s.value()),
            syn::Lit::Bool(b) if !negative => DefaultKind::Boolean(b.value),
            _ => return Err(syn::Error::new(end, "expected a WebIDL default value")),
        }
    } else if input.peek(syn::token::Brace) || input.peek(syn::token::Bracket) {
        let is_brace = input.peek(syn::token::Brace);
        let group: Group = input.parse()?;
        if negative || !group.stream().is_empty() {
            return Err(syn::Error::new(
                group.span(),
                "only `{}` and `[]` are allowed as dictionary and sequence defaults",
            ));
        }
        if is_brace {
            DefaultKind::EmptyDictionary
        } else {
            DefaultKind::EmptySequence
        }
    } else if input.peek(Ident::peek_any) {
        let word = input.call(Ident::parse_any)?;
        match (word.to_string().as_str(), negative) {
            ("true", false) => DefaultKind::Boolean(true),
            ("false", false) => DefaultKind::Boolean(false),
            ("null", false) => DefaultKind::Null,
            ("Infinity", _) => DefaultKind::Decimal(format!("{sign}Infinity")),
            ("NaN", false) => DefaultKind::Decimal("NaN".to_owned()),
            _ => {
                return Err(syn::Error::new(
                    word.span(),
                    format_args!("expected a WebIDL default value, found `{word}`"),
                ));
            }
        }
    } else {
        return Err(input.error(format_args!(
            "expected a default value after `=`, found {}",
            describe_next(input)
        )));
    };
    Ok(Some(DefaultValue {
        kind,
        span: SpanRange { start, end },
    }))
}

/// Parses `Name { members }` of a dictionary.
fn parse_dictionary(input: ParseStream, attrs: Vec<ExtAttr>, cx: &Ctxt) -> syn::Result<Dictionary> {
    let name = parse_name(input, "the dictionary name")?;
    if input.peek(Token![:]) {
        return Err(input.error("dictionary inheritance is not supported"));
    }
    let body = parse_body(input, "dictionary")?;
    let members = parse_members(body, cx, parse_dictionary_member);
    Ok(Dictionary {
        attrs,
        partial: None,
        name,
        members,
    })
}

/// Parses `required? Type name (= default)?;`.
fn parse_dictionary_member(
    input: ParseStream,
    _cx: &Ctxt,
) -> syn::Result<Option<DictionaryMember>> {
    let attrs = parse_ext_attrs(input)?;
    let required = if peek_keyword(input, "required") {
        Some(input.call(Ident::parse_any)?)
    } else {
        None
    };
    let ty = parse_type(input)?;
    let name = parse_name(input, "the member name")?;
    let default = parse_default(input)?;
    parse_semicolon(input, "the dictionary member")?;
    Ok(Some(DictionaryMember {
        attrs,
        required,
        ty,
        name,
        default,
    }))
}

/// Parses `Name { "a", "b", }` of an enum.
fn parse_enum(input: ParseStream, attrs: Vec<ExtAttr>) -> syn::Result<Enum> {
    let name = parse_name(input, "the enum name")?;
    if !input.peek(syn::token::Brace) {
        return Err(input.error(format_args!(
            "expected `{{` to start the enum values, found {}",
            describe_next(input)
        )));
    }
    let content;
    syn::braced!(content in input);
    let mut values = Vec::new();
    while !content.is_empty() {
        if !content.peek(LitStr) {
            return Err(content.error(format_args!(
                "expected a string enum value, found {}",
                describe_next(&content)
            )));
        }
        values.push(content.parse::<LitStr>()?);
        if content.is_empty() {
            break;
        }
        if !content.peek(Token![,]) {
            return Err(content.error(format_args!(
                "expected `,` between enum values, found {}",
                describe_next(&content)
            )));
        }
        content.parse::<Token![,]>()?;
    }
    Ok(Enum {
        attrs,
        name,
        values,
    })
}

/// Parses a type: a single type or a union, optionally followed by `?`.
pub fn parse_type(input: ParseStream) -> syn::Result<Type> {
    let start = input.span();
    let (kind, mut end) = if input.peek(syn::token::Paren) {
        let content;
        let parens = parenthesized!(content in input);
        let mut members = vec![parse_type(&content)?];
        while !content.is_empty() {
            parse_keyword(&content, "or")?;
            members.push(parse_type(&content)?);
        }
        if members.len() < 2 {
            return Err(syn::Error::new(
                parens.span.join(),
                "a union needs at least two member types joined by `or`",
            ));
        }
        (TypeKind::Union(members), parens.span.close())
    } else {
        parse_single_type(input)?
    };
    let nullable = input.peek(Token![?]);
    if nullable {
        end = input.parse::<Token![?]>()?.span;
    }
    Ok(Type {
        kind,
        nullable,
        span: SpanRange { start, end },
    })
}

/// Parses a non-union type; returns it and the span of its last token.
fn parse_single_type(input: ParseStream) -> syn::Result<(TypeKind, Span)> {
    let first = parse_name(input, "a type")?;
    let word = first.to_string();
    let integer =
        |input: ParseStream, unsigned: bool, first: &Ident| -> syn::Result<(TypeKind, Span)> {
            let (size, end) = if first != "unsigned" {
                (first.clone(), first.span())
            } else {
                let size = parse_name(input, "`short`, `long` or `long long` after `unsigned`")?;
                (size.clone(), size.span())
            };
            let ty = match (size.to_string().as_str(), unsigned) {
                ("short", false) => IntegerType::Short,
                ("short", true) => IntegerType::UnsignedShort,
                ("long", _) if peek_keyword(input, "long") => {
                    let second = input.call(Ident::parse_any)?;
                    let ty = if unsigned {
                        IntegerType::UnsignedLongLong
                    } else {
                        IntegerType::LongLong
                    };
                    return Ok((TypeKind::Integer(ty), second.span()));
                }
                ("long", false) => IntegerType::Long,
                ("long", true) => IntegerType::UnsignedLong,
                _ => {
                    return Err(syn::Error::new(
                        size.span(),
                        "expected `short`, `long` or `long long` after `unsigned`",
                    ));
                }
            };
            Ok((TypeKind::Integer(ty), end))
        };
    match word.as_str() {
        "unsigned" => integer(input, true, &first),
        "short" | "long" => integer(input, false, &first),
        "byte" => Ok((TypeKind::Integer(IntegerType::Byte), first.span())),
        "octet" => Ok((TypeKind::Integer(IntegerType::Octet), first.span())),
        "float" => Ok((TypeKind::Float(FloatType::Float), first.span())),
        "double" => Ok((TypeKind::Float(FloatType::Double), first.span())),
        "unrestricted" => {
            let second = parse_name(input, "`float` or `double` after `unrestricted`")?;
            match second.to_string().as_str() {
                "float" => Ok((TypeKind::Float(FloatType::UnrestrictedFloat), second.span())),
                "double" => Ok((
                    TypeKind::Float(FloatType::UnrestrictedDouble),
                    second.span(),
                )),
                _ => Err(syn::Error::new(
                    second.span(),
                    "expected `float` or `double` after `unrestricted`",
                )),
            }
        }
        "sequence" | "FrozenArray" | "Promise" | "record" => {
            if !input.peek(Token![<]) {
                return Err(input.error(format_args!(
                    "expected `<` after `{word}`, found {}",
                    describe_next(input)
                )));
            }
            input.parse::<Token![<]>()?;
            let first_arg = parse_type(input)?;
            let kind = if word == "record" {
                input.parse::<Token![,]>()?;
                let value = parse_type(input)?;
                TypeKind::Record(Box::new(first_arg), Box::new(value))
            } else if word == "Promise" {
                TypeKind::Promise(Box::new(first_arg))
            } else {
                TypeKind::Sequence(Box::new(first_arg))
            };
            if !input.peek(Token![>]) {
                return Err(input.error(format_args!(
                    "expected `>` to close `{word}<`, found {}",
                    describe_next(input)
                )));
            }
            let end = input.parse::<Token![>]>()?.span;
            Ok((kind, end))
        }
        _ => Ok((TypeKind::Named(first.clone()), first.span())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::*;

    /// Parses `src`; returns the spec and the error messages.
    fn parse(src: &str) -> (Spec, Vec<String>) {
        let cx = Ctxt::new();
        let spec = parse_spec(src.parse().unwrap(), &cx);
        let errors = match cx.finish(()) {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        };
        (spec, errors)
    }

    fn parse_ok(src: &str) -> Spec {
        let (spec, errors) = parse(src);
        assert!(errors.is_empty(), "unexpected errors: {errors:?}");
        spec
    }

    fn ty(src: &str) -> String {
        let ty = Parser::parse_str(parse_type, src).unwrap();
        ty.to_string()
    }

    #[test]
    fn types_round_trip() {
        for src in [
            "any",
            "unsigned long",
            "unsigned long long",
            "long long",
            "unsigned short",
            "unrestricted double",
            "sequence<any>",
            "sequence<sequence<ValueType>>",
            "Promise<Module>",
            "record<DOMString, any>",
            "(DOMString or undefined)",
            "(A or B or C)?",
            "DOMString?",
        ] {
            assert_eq!(ty(src), src);
        }
    }

    #[test]
    fn bad_types() {
        let err = |src: &str| Parser::parse_str(parse_type, src).unwrap_err().to_string();
        assert_eq!(
            err("unsigned double"),
            "expected `short`, `long` or `long long` after `unsigned`"
        );
        assert_eq!(
            err("(A)"),
            "a union needs at least two member types joined by `or`"
        );
        assert_eq!(
            err("sequence any"),
            "expected `<` after `sequence`, found `any`"
        );
        assert_eq!(err("(A and B)"), "expected `or`, found `and`");
    }

    #[test]
    fn interface_with_every_member_kind() {
        let spec = parse_ok(
            "[LegacyNamespace=WebAssembly, Exposed=*]
             interface Table {
               constructor(TableDescriptor descriptor, optional any value);
               AddressValue grow(AddressValue delta, optional any value);
               static sequence<DOMString> names(Table table);
               readonly attribute AddressValue length;
               attribute any value;
             };",
        );
        let [Definition::Interface(table)] = &spec.definitions[..] else {
            panic!("{spec:?}")
        };
        assert_eq!(table.name, "Table");
        assert_eq!(table.attrs.len(), 2);
        assert!(matches!(table.attrs[1].value, ExtAttrValue::Wildcard));
        let rendered: Vec<String> = table
            .members
            .iter()
            .map(|m| match m {
                Member::Constructor(c) => c.to_string(),
                Member::Operation(o) => o.to_string(),
                Member::Attribute(a) => a.to_string(),
            })
            .collect();
        assert_eq!(
            rendered,
            [
                "constructor(TableDescriptor descriptor, optional any value);",
                "AddressValue grow(AddressValue delta, optional any value);",
                "static sequence<DOMString> names(Table table);",
                "readonly attribute AddressValue length;",
                "attribute any value;",
            ]
        );
    }

    #[test]
    fn keyword_names_and_defaults() {
        let spec = parse_ok(
            "interface Tag { constructor(TagType type); };
             interface E { constructor(optional ExceptionOptions options = {}, [EnforceRange] unsigned long index); };
             dictionary D { required ValueType value; boolean mutable = false; long n = -1; double d = 1.5;
                            DOMString s = \"x\"; sequence<any> l = []; any a = null; };",
        );
        let Definition::Interface(tag) = &spec.definitions[0] else {
            panic!()
        };
        let Member::Constructor(ctor) = &tag.members[0] else {
            panic!()
        };
        assert_eq!(ctor.args[0].name, "type");
        let Definition::Interface(e) = &spec.definitions[1] else {
            panic!()
        };
        let Member::Constructor(ctor) = &e.members[0] else {
            panic!()
        };
        assert_eq!(
            ctor.to_string(),
            "constructor(optional ExceptionOptions options = {}, [EnforceRange] unsigned long index);"
        );
        let Definition::Dictionary(d) = &spec.definitions[2] else {
            panic!()
        };
        let defaults: Vec<String> = d
            .members
            .iter()
            .map(|m| {
                m.default
                    .as_ref()
                    .map(|d| d.kind.to_string())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(defaults, ["", "false", "-1", "1.5", "\"x\"", "[]", "null"]);
        assert!(d.members[0].required.is_some());
    }

    #[test]
    fn enum_with_trailing_comma_and_comments() {
        let spec = parse_ok(
            "/// doc comment
             enum AddressType { \"i32\", \"i64\", // note
             };
             //! inner doc
             enum E { \"a\" };",
        );
        let Definition::Enum(e) = &spec.definitions[0] else {
            panic!()
        };
        let values: Vec<String> = e.values.iter().map(LitStr::value).collect();
        assert_eq!(values, ["i32", "i64"]);
        assert_eq!(spec.definitions.len(), 2);
    }

    #[test]
    fn namespace_and_typedef() {
        let spec = parse_ok(
            "[Exposed=(Window,Worker)] namespace WebAssembly { boolean validate(BufferSource bytes); };
             typedef any AddressValue;",
        );
        let Definition::Namespace(ns) = &spec.definitions[0] else {
            panic!()
        };
        let ExtAttrValue::List(list) = &ns.attrs[0].value else {
            panic!()
        };
        assert_eq!(list.len(), 2);
        assert!(matches!(&spec.definitions[1], Definition::Typedef(t) if t.name == "AddressValue"));
    }

    #[test]
    fn unknown_definition_keyword() {
        let (spec, errors) = parse("interfce Foo {}; enum E { \"a\" };");
        assert_eq!(
            errors,
            [
                "unknown definition keyword `interfce`, expected one of `interface`, `namespace`, `dictionary`, `enum`, `typedef`"
            ]
        );
        assert_eq!(
            spec.definitions.len(),
            1,
            "parsing continues after the bad definition"
        );
    }

    #[test]
    fn malformed_members_are_each_reported() {
        let (spec, errors) = parse(
            "interface I {
               readonly attribute any;
               any grow AddressValue delta;
               any fine();
               const long X = 1;
             };",
        );
        assert_eq!(
            errors,
            [
                "malformed member: expected the attribute name, found `;`",
                "malformed member: expected `(` after the operation name (or `attribute` for an attribute), found `AddressValue`",
                "unsupported member: `const` members are not supported",
            ]
        );
        let Definition::Interface(i) = &spec.definitions[0] else {
            panic!()
        };
        assert_eq!(i.members.len(), 1);
    }

    #[test]
    fn missing_semicolons() {
        let (_, errors) = parse("interface I { any a() }");
        assert_eq!(
            errors,
            [
                "expected `;` after this definition",
                "expected `;` after this member"
            ]
        );
        let (_, errors) = parse("enum A { \"a\" } enum B { \"b\" };");
        assert_eq!(
            errors,
            ["expected `;` after the enum definition, found `enum`"]
        );
    }

    #[test]
    fn unsupported_constructs() {
        let (_, errors) = parse(
            "partial enum A {}; interface B : A {}; A includes M; interface mixin M {};
             interface C { undefined f(any... rest); }; callback F = any ();",
        );
        assert_eq!(
            errors,
            [
                "`partial enum` is not supported (only partial interfaces, namespaces and dictionaries)",
                "interface inheritance is not supported",
                "`includes` statements are not supported",
                "interface mixins are not supported",
                "variadic arguments are not supported",
                "`callback` definitions are not supported",
            ]
        );
    }

    #[test]
    fn partial_definitions() {
        let spec = parse_ok(
            "[Exposed=*] partial namespace WebAssembly { Function promising(Function wasmFunc); };
             partial dictionary MemoryDescriptor { boolean shared = false; };
             partial interface Memory { readonly attribute any x; };
             namespace N {};",
        );
        let partials: Vec<(String, &str)> = spec
            .definitions
            .iter()
            .filter(|d| d.partial().is_some())
            .map(|d| (d.name().to_string(), d.keyword()))
            .collect();
        assert_eq!(
            partials,
            [
                ("WebAssembly".into(), "namespace"),
                ("MemoryDescriptor".into(), "dictionary"),
                ("Memory".into(), "interface"),
            ]
        );
        assert!(spec.definitions[3].partial().is_none());
        let (_, errors) = parse("partial typedef any A; partial interface mixin M {}; partial;");
        assert_eq!(
            errors,
            [
                "`partial typedef` is not supported (only partial interfaces, namespaces and dictionaries)",
                "`partial interface` is not supported (only partial interfaces, namespaces and dictionaries)",
                "expected `interface`, `namespace` or `dictionary` after `partial`, found `;`",
            ]
        );
    }

    #[test]
    fn error_positions() {
        let (_, errors) = parse("x");
        assert_eq!(errors.len(), 2);
        let cx = Ctxt::new();
        parse_spec(
            "interface I {\n  readonly attribute;\n};".parse().unwrap(),
            &cx,
        );
        let error = cx.finish(()).unwrap_err();
        let start = error.span().start();
        assert_eq!((start.line, start.column), (2, 20), "points at the `;`");
    }

    #[test]
    fn ext_attr_forms() {
        let spec = parse_ok("[A, B=c, C=*, D=(x, y),] interface I {};");
        let Definition::Interface(i) = &spec.definitions[0] else {
            panic!()
        };
        let rendered: Vec<String> = i.attrs.iter().map(ExtAttr::to_string).collect();
        assert_eq!(rendered, ["A", "B=c", "C=*", "D=(x,y)"]);
        let (_, errors) = parse("[] interface I {}; [A=1] interface J {};");
        assert_eq!(
            errors,
            [
                "empty extended attribute list",
                "expected an identifier, `*` or `(...)` after `=`"
            ]
        );
    }
}
