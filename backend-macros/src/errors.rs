//! Error collection: every stage records its errors here instead of stopping at
//! the first one, so one build reports all problems of a spec together.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::{Punct, Spacing, Span, TokenStream, TokenTree};

/// Collects spanned errors; turn them into one combined [`syn::Error`] with
/// [`Ctxt::finish`].
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error at `span`.
    pub fn error(&self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Records an error that was already built (for example by `syn`).
    pub fn push(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    /// `Ok(value)` if nothing was recorded, otherwise all errors combined, in
    /// the order they were recorded.
    pub fn finish<T>(self, value: T) -> syn::Result<T> {
        let mut errors = self.errors.into_inner().into_iter();
        match errors.next() {
            None => Ok(value),
            Some(mut first) => {
                first.extend(errors);
                Err(first)
            }
        }
    }
}

/// A source range given by its first and last token, for errors that should
/// underline more than one token (a whole type such as `sequence<Foo>`).
#[derive(Clone, Copy, Debug)]
pub struct SpanRange {
    /// Span of the first token.
    pub start: Span,
    /// Span of the last token.
    pub end: Span,
}

impl SpanRange {
    /// An error underlining the whole range.
    pub fn error(&self, message: impl Display) -> syn::Error {
        // `new_spanned` keeps the first and the last span of the tokens it is given.
        let marker = |span: Span| {
            let mut punct = Punct::new('#', Spacing::Alone);
            punct.set_span(span);
            TokenTree::Punct(punct)
        };
        let tokens: TokenStream = [marker(self.start), marker(self.end)].into_iter().collect();
        syn::Error::new_spanned(tokens, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finish_without_errors_is_ok() {
        assert_eq!(Ctxt::new().finish(5).unwrap(), 5);
    }

    #[test]
    fn finish_combines_in_order() {
        let cx = Ctxt::new();
        cx.error(Span::call_site(), "first");
        cx.error(Span::call_site(), "second");
        let messages: Vec<String> = cx
            .finish(())
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(messages, ["first", "second"]);
    }
}
